// The service's operations side in one call for main: metrics, readiness checks, and the server on PORT.
import type { Booted } from '../boot.js';
import type { Capability } from '../core/capability.js';
import type { Dispatch, Platform } from '../core/types.js';
import type { Metrics } from '../metrics/port.js';
import { createOps, indexAge, instrumentDispatch, watchBooted, watchPlatforms, type Receiving } from './ops.js';
import type { OpsHandler } from './routes.js';
import { funnelCounters } from '../report/funnel-metrics.js';
import { listenOps } from './server.js';

export interface RunningOps {
  metrics: Metrics;
  /** For Slack's HTTP receiver, which owns PORT in that mode and serves these routes beside its own. */
  handler: OpsHandler;
  /** The bound port when this process listens itself; undefined when Slack's receiver serves the routes. */
  port: number | undefined;
  /** Counts events and replies around the core's dispatch. */
  instrument(dispatch: Dispatch): Dispatch;
  /** Readiness follows these inboxes (built after the ops side, since Slack over HTTP serves its routes). */
  watch(inboxes: readonly Receiving[]): void;
  /** Marks a platform's receiver started (its `ready()`, when it has one, then decides). */
  started(platform: Platform): void;
  close(): Promise<void>;
}

/** Slack over HTTP listens on PORT itself; every other mode (Socket Mode, Discord, no platform) needs this server. */
export function slackOwnsPort(config: Booted['deps']['config']): boolean {
  return Boolean(config.SLACK_BOT_TOKEN && !config.SLACK_APP_TOKEN);
}

export async function startOps(booted: Booted, capabilities: readonly Capability[]): Promise<RunningOps> {
  const { config, log } = booted.deps;
  const ops = createOps({
    metricsToken: config.METRICS_TOKEN,
    indexAgeSeconds: indexAge(booted),
    funnel: () => funnelCounters(booted.deps.store.funnel),
  });
  watchBooted(ops.readiness, booted);
  let platforms: ReturnType<typeof watchPlatforms> | undefined;
  const server = slackOwnsPort(config) ? null : await listenOps(ops.handler, config.PORT);
  if (server) log.info({ port: server.port }, 'probes and metrics listening (/healthz, /readyz, /metrics)');
  return {
    metrics: ops.metrics,
    handler: ops.handler,
    port: server?.port,
    instrument: (dispatch) => instrumentDispatch(dispatch, ops.metrics, capabilities),
    watch: (inboxes) => {
      platforms = watchPlatforms(ops.readiness, inboxes);
    },
    started: (platform) => platforms?.started(platform),
    close: async () => server?.close(),
  };
}
