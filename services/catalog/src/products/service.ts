import { HttpProblem, problem } from '@eks-sre-lab/kit';
import { createHash } from 'node:crypto';
import type { CacheAside } from '../cache/cache-aside';
import { SQLSTATE, sqlState } from '../db/pg-errors';
import { toProductDto, type ProductDto, type ProductPage } from './dto';
import type { ProductRepository } from './repository';
import type { ListQuery, ProductInput } from './schemas';

const LIST_NAMESPACE = 'products';
const productNamespace = (id: number) => `product:${id}`;

/** A stable, short cache entry name for a parsed list query. */
function listEntry(query: ListQuery): string {
  const canonical = JSON.stringify([query.limit, query.offset, query.category, query.q, query.sort]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

function notFound(id: number): HttpProblem {
  return problem.notFound(`product ${id} does not exist`);
}

/** Maps constraint violations of a product write to 4xx; anything else stays unexpected. */
function writeProblem(err: unknown, input: ProductInput): unknown {
  if (sqlState(err) === SQLSTATE.foreignKeyViolation) {
    const detail = `category ${input.categoryId} does not exist`;
    return problem.badRequest(detail, [{ field: 'body.categoryId', message: detail }]);
  }
  return err;
}

/** Product use cases: reads through the cache, writes invalidate what they touch after committing. */
export class ProductService {
  constructor(
    private readonly repository: ProductRepository,
    private readonly cache: CacheAside,
  ) {}

  /** The product as JSON text (cache hits are sent as stored). */
  async getJson(id: number): Promise<string> {
    const json = await this.cache.getJson(
      { cache: 'product', namespace: productNamespace(id), entry: '' },
      async () => {
        const found = await this.repository.findById(id);
        return found ? toProductDto(found) : undefined;
      },
    );
    if (json === undefined) throw notFound(id);
    return json;
  }

  /** A page of products as JSON text. */
  async listJson(query: ListQuery): Promise<string> {
    const key = { cache: 'list', namespace: LIST_NAMESPACE, entry: listEntry(query) };
    const json = await this.cache.getJson(key, async (): Promise<ProductPage> => {
      const { items, total } = await this.repository.list(query);
      return { items: items.map(toProductDto), total, limit: query.limit, offset: query.offset };
    });
    // The loader always returns a page; `undefined` cannot come back.
    return json as string;
  }

  async create(input: ProductInput): Promise<ProductDto> {
    const product = await this.repository.create(input).catch((err: unknown) => {
      throw writeProblem(err, input);
    });
    await this.invalidate(product.id);
    return toProductDto(product);
  }

  async replace(id: number, input: ProductInput): Promise<ProductDto> {
    const product = await this.repository.replace(id, input).catch((err: unknown) => {
      throw writeProblem(err, input);
    });
    if (!product) throw notFound(id);
    await this.invalidate(id);
    return toProductDto(product);
  }

  async delete(id: number): Promise<void> {
    const deleted = await this.repository.delete(id);
    if (!deleted) throw notFound(id);
    await this.invalidate(id);
  }

  async reserve(
    id: number,
    quantity: number,
  ): Promise<{ id: number; reserved: number; stockQuantity: number }> {
    const change = await this.repository.reserve(id, quantity);
    if (change.kind === 'missing') throw notFound(id);
    if (change.kind === 'short') {
      throw problem.conflict(`not enough stock for product ${id}`, {
        available: change.available,
        requested: quantity,
      });
    }
    await this.invalidate(id);
    return { id, reserved: quantity, stockQuantity: change.stockQuantity };
  }

  async release(
    id: number,
    quantity: number,
  ): Promise<{ id: number; released: number; stockQuantity: number }> {
    const change = await this.repository.release(id, quantity).catch((err: unknown) => {
      if (sqlState(err) !== SQLSTATE.numericOutOfRange) throw err;
      throw problem.conflict(`releasing ${quantity} would overflow the stock of product ${id}`);
    });
    if (change.kind !== 'ok') throw notFound(id);
    await this.invalidate(id);
    return { id, released: quantity, stockQuantity: change.stockQuantity };
  }

  /** After a committed write: the product itself and every list page (any write can move any page). */
  private invalidate(id: number): Promise<void> {
    return this.cache.invalidate([productNamespace(id), LIST_NAMESPACE]);
  }
}
