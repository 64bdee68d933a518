// Shared set-up for digest job tests: a few real SIGs, a fake index, a recording Post and a virtual clock.
import type { Content } from '../../src/content/types.js';
import { replyToPlain } from '../../src/core/plain.js';
import type { Destination, Platform, PostResult, Reply } from '../../src/core/types.js';
import { destinationKey } from '../../src/digest/destinations.js';
import type { Store } from '../../src/store/store.js';
import { weeklyDigest, type DigestJob } from '../../src/jobs/weekly-digest.js';
import { createFakeIssues, type FakeIssues } from '../fakes/digest-issues.js';
import { createVirtualClock, type VirtualClock } from '../fakes/virtual-clock.js';
import { realContent, testDeps } from '../helpers/deps.js';

export const SIGS = ['sig-network', 'sig-docs', 'sig-node'];

/** The real catalogue narrowed to three groups, so every destination can be named in assertions. */
export async function smallContent(ids = SIGS): Promise<Content> {
  const content = await realContent();
  const sigs = content.sigs.filter((s) => ids.includes(s.id));
  return { ...content, sigs, sigById: new Map(sigs.map((s) => [s.id, s])) };
}

export interface Sent {
  key: string;
  to: Destination;
  reply: Reply;
  text: string;
  at: number;
}

export interface Recorder {
  posts: Sent[];
  attempts: { key: string; at: number; result: PostResult }[];
  /** Decides each attempt's result; defaults to success. */
  respond: (to: Destination, attempt: number) => PostResult;
  post: (to: Destination, reply: Reply) => Promise<PostResult>;
  count(key: string): number;
}

export function createRecorder(clock: VirtualClock): Recorder {
  const tries = new Map<string, number>();
  const rec: Recorder = {
    posts: [],
    attempts: [],
    respond: () => ({ ok: true, messageId: 'm' }),
    async post(to, reply) {
      const key = destinationKey(to);
      const n = (tries.get(key) ?? 0) + 1;
      tries.set(key, n);
      const result = rec.respond(to, n);
      const at = clock.now().getTime();
      rec.attempts.push({ key, at, result });
      if (result.ok) rec.posts.push({ key, to, reply, text: replyToPlain(reply), at });
      return result;
    },
    count: (key) => rec.posts.filter((p) => p.key === key).length,
  };
  return rec;
}

export interface Harness {
  deps: Awaited<ReturnType<typeof testDeps>>;
  store: Store;
  issues: FakeIssues;
  clock: VirtualClock;
  rec: Recorder;
  job: DigestJob;
  run(): ReturnType<typeof weeklyDigest>;
}

export async function harness(options: {
  start: Date;
  env?: Record<string, string>;
  platforms?: Platform[];
  store?: Store;
  content?: Content;
}): Promise<Harness> {
  const deps = await testDeps({
    content: options.content ?? (await smallContent()),
    env: options.env ?? {},
    ...(options.store ? { store: options.store } : {}),
  });
  const clock = createVirtualClock(options.start);
  const issues = createFakeIssues();
  const rec = createRecorder(clock);
  const job: DigestJob = {
    issues,
    post: (to, reply) => rec.post(to, reply),
    clock,
    platforms: options.platforms ?? ['slack'],
  };
  return { deps, store: deps.store, issues, clock, rec, job, run: () => weeklyDigest(deps, job) };
}

export const slackChannel = (name: string) => `slack/*/#${name}`;
export const slackUser = (id: string) => `slack/T1/@${id}`;
export const person = (userId: string, platform = 'slack', workspaceId = 'T1') => ({ platform, workspaceId, userId });
