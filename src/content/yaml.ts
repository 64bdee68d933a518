// Parses a YAML file into plain data, fast: js-yaml builds no document tree (the `yaml` package's took >1 s on
// sigs.yaml at start-up), and its error still carries the line and column a content author needs.
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';

/**
 * YAML 1.2's core schema, as before: dates stay strings, no merge keys; a duplicated key is an error.
 * Problems are pushed as `label:line:col invalid YAML: reason`; the result is then undefined.
 */
export function parseYaml(text: string, label: string, problems: string[]): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA, filename: label });
  } catch (err) {
    if (!(err instanceof YAMLException)) throw err;
    const at = err.mark ? `${err.mark.line + 1}:${err.mark.column + 1}` : '';
    problems.push(`${label}:${at} invalid YAML: ${err.reason ?? err.message.split('\n')[0]}`);
    return undefined;
  }
}
