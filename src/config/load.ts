// Reads configuration from an env object passed in (never from globals) and reports every problem.
import { configSchema, CONFIG_KEYS, crossCheck, type Config } from './schema.js';

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** One line per problem, naming the variable; values are never echoed because some are secrets. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const picked = Object.fromEntries(CONFIG_KEYS.map((k) => [k, env[k]]));
  const parsed = configSchema.safeParse(picked);
  const cross = crossCheck(picked).map((p) => `${p.key}: ${p.message}`);
  if (parsed.success && cross.length === 0) return { ok: true, config: parsed.data };
  const problems = (parsed.success ? [] : parsed.error.issues).map((issue) => {
    const key = issue.path.join('.') || 'environment';
    const message =
      issue.code === 'invalid_value' && 'values' in issue
        ? `expected one of ${issue.values.map(String).join(', ')}`
        : issue.message;
    return `${key}: ${message}`;
  });
  return { ok: false, problems: [...problems, ...cross] };
}
