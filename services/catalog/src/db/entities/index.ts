import { Category } from './category';
import { Product } from './product';

export { Category, Product };
export const entities = [Category, Product];
