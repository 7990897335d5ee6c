import type { DataSource, Repository } from 'typeorm';
import { Product } from '../db/entities';
import type { ListQuery, ProductInput, ProductSort } from './schemas';

/** Column and direction per sort option; `id` always breaks ties so pages never overlap. */
const ORDER: Record<ProductSort, [column: string, direction: 'ASC' | 'DESC']> = {
  price: ['p.price', 'ASC'],
  '-price': ['p.price', 'DESC'],
  name: ['p.name', 'ASC'],
  '-name': ['p.name', 'DESC'],
  created: ['p.createdAt', 'ASC'],
  '-created': ['p.createdAt', 'DESC'],
  id: ['p.id', 'ASC'],
  '-id': ['p.id', 'DESC'],
};

/** The category and all its descendants; UNION (not UNION ALL) also stops on an accidental cycle. */
const SUBTREE = `
  WITH RECURSIVE subtree(id) AS (
    SELECT id FROM categories WHERE id = :category
    UNION
    SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id
  ) SELECT id FROM subtree`;

/** `%`, `_` and `\` match literally in the user's search text. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export type StockChange =
  { kind: 'ok'; stockQuantity: number } | { kind: 'missing' } | { kind: 'short'; available: number };

export class ProductRepository {
  private readonly products: Repository<Product>;

  constructor(dataSource: DataSource) {
    this.products = dataSource.getRepository(Product);
  }

  findById(id: number): Promise<Product | null> {
    return this.products.findOneBy({ id });
  }

  async list(query: ListQuery): Promise<{ items: Product[]; total: number }> {
    const qb = this.products.createQueryBuilder('p');
    if (query.category !== undefined) {
      qb.andWhere(`p.category_id IN (${SUBTREE})`, { category: query.category });
    }
    if (query.q !== undefined) qb.andWhere(`p.name ILIKE :pattern`, { pattern: likePattern(query.q) });
    const [column, direction] = ORDER[query.sort];
    qb.orderBy(column, direction);
    if (column !== 'p.id') qb.addOrderBy('p.id', direction);
    qb.take(query.limit).skip(query.offset);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  create(input: ProductInput): Promise<Product> {
    return this.products.save(this.products.create(input));
  }

  /** Replaces every writable field; null when the product does not exist. */
  async replace(id: number, input: ProductInput): Promise<Product | null> {
    const result = await this.products.update({ id }, input);
    if (!result.affected) return null;
    return this.findById(id);
  }

  async delete(id: number): Promise<boolean> {
    const result = await this.products.delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Takes `quantity` units in one conditional UPDATE ... WHERE stock_quantity >= $1 RETURNING: concurrent
   * reservations serialise on the row lock and each re-checks the condition, so nothing oversells.
   */
  async reserve(id: number, quantity: number): Promise<StockChange> {
    const left = await this.updateStock(
      id,
      'stock_quantity - :quantity',
      quantity,
      'stock_quantity >= :quantity',
    );
    if (left !== undefined) return { kind: 'ok', stockQuantity: left };
    const current = await this.products.findOne({ where: { id }, select: { id: true, stockQuantity: true } });
    return current ? { kind: 'short', available: current.stockQuantity ?? 0 } : { kind: 'missing' };
  }

  /** Gives `quantity` units back (compensation for a failed order). */
  async release(id: number, quantity: number): Promise<StockChange> {
    const left = await this.updateStock(id, 'COALESCE(stock_quantity, 0) + :quantity', quantity);
    return left === undefined ? { kind: 'missing' } : { kind: 'ok', stockQuantity: left };
  }

  /** `UPDATE products SET stock_quantity = <expression> WHERE id AND <condition> RETURNING stock_quantity`. */
  private async updateStock(
    id: number,
    expression: string,
    quantity: number,
    condition?: string,
  ): Promise<number | undefined> {
    const update = this.products
      .createQueryBuilder()
      .update(Product)
      .set({ stockQuantity: () => expression })
      .where('id = :id', { id, quantity })
      .returning('stock_quantity');
    if (condition) update.andWhere(condition);
    const rows = (await update.execute()).raw as { stock_quantity: number }[];
    return rows[0]?.stock_quantity;
  }
}
