// Readiness: named checks (database, content, each platform, the issue index) that must all pass for traffic.

export type Check = () => boolean | Promise<boolean>;

export interface ReadinessReport {
  ready: boolean;
  /** The names of the checks that did not pass (or are not registered yet), for the 503 body. */
  notReady: string[];
}

export interface Readiness {
  /** Adds or replaces the check called `name`. */
  set(name: string, check: Check): void;
  evaluate(): Promise<ReadinessReport>;
}

/** A check slower than this counts as failing: a probe must answer within its own time-out (1 s by default). */
export const CHECK_TIMEOUT_MS = 800;

/**
 * `expected` names what must be registered before the process can be ready (e.g. database, content), so a
 * probe during start-up gets 503 naming them rather than 200 from an empty list.
 */
export function createReadiness(expected: readonly string[] = []): Readiness {
  const checks = new Map<string, Check>();
  async function passes(check: Check): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
    try {
      return await Promise.race([
        Promise.resolve()
          .then(check)
          .catch(() => false),
        late,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    set(name, check) {
      checks.set(name, check);
    },
    async evaluate() {
      const names = [...new Set([...expected, ...checks.keys()])];
      const results = await Promise.all(
        names.map(async (name) => {
          const check = checks.get(name);
          return { name, ok: check ? await passes(check) : false };
        }),
      );
      const notReady = results.filter((r) => !r.ok).map((r) => r.name);
      return { ready: notReady.length === 0, notReady };
    },
  };
}
