import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** `categories` exactly as the seed's SQL; `parent_id` makes the tree. */
@Entity({ name: 'categories' })
@Index('idx_categories_parent_id', ['parentId'])
export class Category {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Category, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_categories_parent_id' })
  parent?: Category | null;
}
