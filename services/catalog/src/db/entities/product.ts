import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UpdateDateColumn } from 'typeorm';
import { Category } from './category';

/**
 * `products` exactly as the seed's SQL. `price` stays a string end to end: pg returns NUMERIC as text
 * and TypeORM passes it through, so no float ever touches money.
 */
@Entity({ name: 'products' })
@Index('idx_products_category_id', ['categoryId'])
@Index('idx_products_price_id', ['price', 'id'])
@Index('idx_products_name_id', ['name', 'id'])
@Index('idx_products_created_at_id', ['createdAt', 'id'])
@Index('idx_products_name_trgm', { synchronize: false }) // GIN trigram index, created by the migration
export class Product {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'decimal', precision: 10, scale: 2 })
  price!: string;

  @Column({ name: 'category_id', type: 'integer', nullable: true })
  categoryId!: number | null;

  @ManyToOne(() => Category, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_products_category_id' })
  category?: Category | null;

  @Column({ name: 'stock_quantity', type: 'integer', nullable: true, default: 0 })
  stockQuantity!: number;

  @Column({ name: 'image_url', type: 'varchar', length: 500, nullable: true })
  imageUrl!: string | null;

  @CreateDateColumn({
    name: 'created_at',
    type: 'timestamp',
    nullable: true,
    default: () => 'CURRENT_TIMESTAMP',
  })
  createdAt!: Date;

  @UpdateDateColumn({
    name: 'updated_at',
    type: 'timestamp',
    nullable: true,
    default: () => 'CURRENT_TIMESTAMP',
  })
  updatedAt!: Date;
}
