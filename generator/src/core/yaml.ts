import { stringify } from 'yaml';
import { GENERATED_HEADER, type OutputFile } from './files';

/** Deterministic YAML: insertion order kept (cdk8s emits apiVersion, kind, metadata, spec), no line folding. */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** A YAML file with the "generated — do not edit" header. */
export function yamlFile(path: string, value: unknown, comment?: string): OutputFile {
  const note = comment
    ? comment
        .split('\n')
        .map((line) => `# ${line}\n`)
        .join('')
    : '';
  return { path, content: `${GENERATED_HEADER}${note}${toYaml(value)}` };
}
