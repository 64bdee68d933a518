// The metrics port: what the bot, adapters and jobs count, with no metrics library behind it (prom-client lives in src/http).

/** Bounded label values only: a value that is not a short lowercase word is counted as `other`, never as text. */
export type Label = string;

export interface Metrics {
  /** An event arrived from a platform (`kind`: command, message, action, joined, home). */
  event(platform: Label, kind: Label): void;
  /** The bot answered with `capability`, `seconds` after the event arrived. */
  reply(platform: Label, capability: Label, seconds: number): void;
  /** One request to GitHub (`outcome`: ok, not_modified, rate_limited, error, timeout). */
  githubRequest(outcome: Label): void;
  /** What GitHub's x-ratelimit-remaining said last. */
  githubRateLimitRemaining(remaining: number): void;
  /** One scheduled delivery (`kind`: digest, follow_up, lead_note…; `outcome`: sent, failed, uncertain, skipped…). */
  delivery(kind: Label, outcome: Label): void;
  /** One run of a scheduled job (`outcome`: done, incomplete, busy, failed). */
  jobRun(job: Label, outcome: Label): void;
  /** Work given up (`reason`: past_deadline, overloaded…), so shedding shows on a dashboard. */
  dropped(platform: Label, reason: Label): void;
}

const WORD = /^[a-z][a-z0-9_-]{0,39}$/;

/** The label value as given when it is a short lowercase word, `other` otherwise (an id or text never becomes a label). */
export function safeLabel(value: string): string {
  return WORD.test(value) ? value : 'other';
}

/** Counts nothing: the default for code run outside the service (the CLI, tests that do not look). */
export const noMetrics: Metrics = {
  event() {},
  reply() {},
  githubRequest() {},
  githubRateLimitRemaining() {},
  delivery() {},
  jobRun() {},
  dropped() {},
};

/** Counts in memory by metric and labels (`events{slack,command}` → 2): for tests of the code that counts. */
export interface MemoryMetrics extends Metrics {
  readonly counts: Map<string, number>;
  readonly gauges: Map<string, number>;
}

export function createMemoryMetrics(): MemoryMetrics {
  const counts = new Map<string, number>();
  const gauges = new Map<string, number>();
  const add = (name: string, ...labels: string[]) => {
    const key = `${name}{${labels.map(safeLabel).join(',')}}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  return {
    counts,
    gauges,
    event: (platform, kind) => add('events', platform, kind),
    reply: (platform, capability) => add('replies', platform, capability),
    githubRequest: (outcome) => add('github_requests', outcome),
    githubRateLimitRemaining: (remaining) => void gauges.set('github_rate_limit_remaining', remaining),
    delivery: (kind, outcome) => add('deliveries', kind, outcome),
    jobRun: (job, outcome) => add('job_runs', job, outcome),
    dropped: (platform, reason) => add('dropped', platform, reason),
  };
}

/**
 * A port to hand out before the real one exists (GitHub's client is built at boot, /metrics after it):
 * counts nothing until `attach`, then forwards every call.
 */
export function createLateMetrics(): Metrics & { attach(target: Metrics): void } {
  let target: Metrics = noMetrics;
  return {
    attach: (t) => void (target = t),
    event: (...a) => target.event(...a),
    reply: (...a) => target.reply(...a),
    githubRequest: (...a) => target.githubRequest(...a),
    githubRateLimitRemaining: (...a) => target.githubRateLimitRemaining(...a),
    delivery: (...a) => target.delivery(...a),
    jobRun: (...a) => target.jobRun(...a),
    dropped: (...a) => target.dropped(...a),
  };
}
