// The metrics port backed by prom-client: one registry per process, default process metrics, onramp's own series.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { safeLabel, type Metrics } from '../metrics/port.js';

export interface PromMetrics extends Metrics {
  /** The Prometheus text exposition of every series. */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface PromMetricsOptions {
  /** Seconds since the issue index was last filled, read at scrape time; null when it never was (or the sample is used). */
  indexAgeSeconds?: () => Promise<number | null>;
  /** Default process metrics (CPU, memory, event loop lag, GC): on in the service, off in tests that count series. */
  processMetrics?: boolean;
  /** People per newcomer funnel step, read at scrape time (the step is the only label). */
  funnel?: () => Promise<{ step: string; value: number }[]>;
}

export function createPromMetrics(options: PromMetricsOptions = {}): PromMetrics {
  const registers = [new Registry()];
  const [registry] = registers as [Registry];
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const events = new Counter({
    name: 'onramp_events_total',
    help: 'Events received from chat platforms.',
    labelNames: ['platform', 'kind'],
    registers,
  });
  const replies = new Counter({
    name: 'onramp_replies_total',
    help: 'Replies the bot produced, by capability.',
    labelNames: ['platform', 'capability'],
    registers,
  });
  const replySeconds = new Histogram({
    name: 'onramp_reply_seconds',
    help: 'Time from an event to its reply being ready.',
    labelNames: ['platform'],
    // Slack acknowledges within 3 s and Discord within 3 s: buckets around those budgets.
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers,
  });
  const github = new Counter({
    name: 'onramp_github_requests_total',
    help: 'Requests to the GitHub API.',
    labelNames: ['outcome'],
    registers,
  });
  const rateLimit = new Gauge({
    name: 'onramp_github_rate_limit_remaining',
    help: 'GitHub requests left in the current window.',
    registers,
  });
  const deliveries = new Counter({
    name: 'onramp_deliveries_total',
    help: 'Scheduled posts (digests, follow-ups).',
    labelNames: ['kind', 'outcome'],
    registers,
  });
  const jobRuns = new Counter({
    name: 'onramp_job_runs_total',
    help: 'Runs of scheduled jobs.',
    labelNames: ['job', 'outcome'],
    registers,
  });
  const dropped = new Counter({
    name: 'onramp_dropped_total',
    help: 'Work given up before it was done.',
    labelNames: ['platform', 'reason'],
    registers,
  });
  const ageOf = options.indexAgeSeconds;
  new Gauge({
    name: 'onramp_issue_index_age_seconds',
    help: 'Seconds since the issue index was last filled from GitHub (absent until the first fill).',
    registers,
    async collect() {
      const age = ageOf ? await ageOf().catch(() => null) : null;
      if (age === null) this.reset();
      else this.set(age);
    },
  });
  const funnelOf = options.funnel;
  if (funnelOf)
    new Gauge({
      name: 'onramp_funnel_people',
      help: 'People who reached each newcomer funnel step at least once (erased and old steps counted anonymously).',
      labelNames: ['step'],
      registers,
      async collect() {
        const counts = await funnelOf().catch(() => []);
        for (const { step, value } of counts) this.set({ step: safeLabel(step) }, value);
      },
    });

  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    event: (platform, kind) => events.inc({ platform: safeLabel(platform), kind: safeLabel(kind) }),
    reply(platform, capability, seconds) {
      replies.inc({ platform: safeLabel(platform), capability: safeLabel(capability) });
      replySeconds.observe({ platform: safeLabel(platform) }, seconds);
    },
    githubRequest: (outcome) => github.inc({ outcome: safeLabel(outcome) }),
    githubRateLimitRemaining: (remaining) => rateLimit.set(remaining),
    delivery: (kind, outcome) => deliveries.inc({ kind: safeLabel(kind), outcome: safeLabel(outcome) }),
    jobRun: (job, outcome) => jobRuns.inc({ job: safeLabel(job), outcome: safeLabel(outcome) }),
    dropped: (platform, reason) => dropped.inc({ platform: safeLabel(platform), reason: safeLabel(reason) }),
  };
}
