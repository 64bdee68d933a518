// Everything the service exposes for operators, built once in main: the metrics port, readiness, and the routes.
import type { Booted } from '../boot.js';
import type { Capability } from '../core/capability.js';
import type { Dispatch, Platform } from '../core/types.js';
import type { Metrics } from '../metrics/port.js';
import { createDatabasePing } from '../store/ping.js';
import { createPromMetrics, type PromMetrics, type PromMetricsOptions } from './prom-metrics.js';
import { createReadiness, type Readiness } from './readiness.js';
import { createOpsRoutes, type OpsHandler } from './routes.js';

export interface Ops {
  /** The port to hand to the bot, adapters and jobs. */
  metrics: Metrics;
  readiness: Readiness;
  /** /healthz, /readyz and /metrics: listened on by ./server.ts, or given to Slack's receiver as extra routes. */
  handler: OpsHandler;
}

/** What must be registered before /readyz can answer 200. */
export const READY_NEEDS = ['database', 'content', 'issue-index'] as const;

export function createOps(
  options: { metricsToken?: string | undefined } & Pick<PromMetricsOptions, 'indexAgeSeconds' | 'funnel'>,
): Ops & { prom: PromMetrics } {
  const { metricsToken: _token, ...gauges } = options;
  const prom = createPromMetrics(gauges);
  const readiness = createReadiness(READY_NEEDS);
  return {
    metrics: prom,
    prom,
    readiness,
    handler: createOpsRoutes({ readiness, metrics: prom, metricsToken: options.metricsToken }),
  };
}

/** Seconds since the index was last filled from GitHub; null before the first fill and with the sample. */
export function indexAge(booted: Pick<Booted, 'deps'>): () => Promise<number | null> {
  return async () => {
    const status = await booted.deps.issues.status();
    if (status.source === 'sample' || !status.refreshedAt) return null;
    return Math.max(0, (booted.deps.now().getTime() - status.refreshedAt.getTime()) / 1000);
  };
}

/**
 * The checks that depend on the booted service: the database answers, content is loaded, and the issue
 * index has been filled once (or the sample is in use, which is filled by construction).
 */
export function watchBooted(readiness: Readiness, booted: Pick<Booted, 'deps' | 'database'>): void {
  readiness.set('database', createDatabasePing(booted.database));
  readiness.set('content', () => booted.deps.content.sigs.length > 0);
  readiness.set('issue-index', async () => {
    const status = await booted.deps.issues.status();
    return status.source === 'sample' || status.refreshedAt !== null;
  });
}

/** A platform's receiving half: `ready()` when the adapter has one (Inbox), otherwise "its start() resolved". */
export interface Receiving {
  readonly platform: Platform;
  ready?(): boolean;
}

/** One check per configured platform, registered before it starts, so /readyz names it until it is connected. */
export function watchPlatforms(
  readiness: Readiness,
  inboxes: readonly Receiving[],
): { started(platform: Platform): void } {
  const started = new Set<Platform>();
  for (const inbox of inboxes)
    readiness.set(
      `platform:${inbox.platform}`,
      () => started.has(inbox.platform) && (inbox.ready ? inbox.ready() : true),
    );
  return { started: (platform) => void started.add(platform) };
}

/**
 * Counts events and replies around the core's dispatch. The capability label is what the event names
 * (a command's or an action's capability); a message is `conversation`, since only the core knows which
 * capability answered it (the exact hook is in core/bot.ts, after `routed.capability.run`).
 */
export function instrumentDispatch(
  dispatch: Dispatch,
  metrics: Metrics,
  capabilities: readonly Capability[],
): Dispatch {
  const commands = new Set(capabilities.filter((c) => c.command !== false).map((c) => c.id));
  const actions = new Map(capabilities.flatMap((c) => (c.actions ?? []).map((a) => [a, c.id] as const)));
  return async (event, options) => {
    const started = process.hrtime.bigint();
    const platform = event.origin.platform;
    metrics.event(platform, event.kind);
    const replies = await dispatch(event, options);
    if (replies.length > 0) {
      const capability =
        event.kind === 'command'
          ? commands.has(event.name.toLowerCase())
            ? event.name.toLowerCase()
            : 'unknown'
          : event.kind === 'action'
            ? (actions.get(event.actionId.split(':')[0]!) ?? 'unknown')
            : event.kind === 'message'
              ? 'conversation'
              : event.kind;
      metrics.reply(platform, capability, Number(process.hrtime.bigint() - started) / 1e9);
    }
    return replies;
  };
}
