import type { Category } from '../db/entities';

export interface CategoryNode {
  id: number;
  name: string;
  description: string | null;
  parentId: number | null;
  children: CategoryNode[];
}

/**
 * Nests flat rows by `parentId` (rows sorted as they should be listed). A row whose parent is missing
 * becomes a root, so a broken link never hides a category.
 */
export function buildCategoryTree(rows: Category[]): CategoryNode[] {
  const nodes = new Map<number, CategoryNode>();
  for (const { id, name, description, parentId } of rows) {
    nodes.set(id, { id, name, description, parentId, children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
