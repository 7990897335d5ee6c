import type { Category } from '../api/types';

/** Flattens the category tree into indented options so nesting stays visible in a native select. */
export function flattenCategories(tree: Category[], depth = 0): { id: number; label: string }[] {
  return tree.flatMap((c) => [
    { id: c.id, label: `${'\u00a0\u00a0'.repeat(depth)}${c.name}` },
    ...flattenCategories(c.children ?? [], depth + 1),
  ]);
}

interface Props {
  categories: Category[] | null;
  value: number | null;
  onChange(id: number | null): void;
}

export function CategorySelect({ categories, value, onChange }: Props) {
  return (
    <label className="field">
      <span>Category</span>
      <select
        value={value ?? ''}
        disabled={!categories}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">{categories ? 'All categories' : 'Loading categories…'}</option>
        {flattenCategories(categories ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
