import type { Product } from '../db/entities';

/** A product as the API sends it: camelCase, price as an exact decimal string, ISO timestamps. */
export interface ProductDto {
  id: number;
  name: string;
  description: string | null;
  price: string;
  categoryId: number | null;
  stockQuantity: number;
  imageUrl: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ProductPage {
  items: ProductDto[];
  total: number;
  limit: number;
  offset: number;
}

export function toProductDto(product: Product): ProductDto {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    price: product.price,
    categoryId: product.categoryId,
    stockQuantity: product.stockQuantity ?? 0,
    imageUrl: product.imageUrl,
    createdAt: product.createdAt?.toISOString() ?? null,
    updatedAt: product.updatedAt?.toISOString() ?? null,
  };
}
