// The bundled sample snapshot (content/sample-issues.json): an offline issue index and GitHub for the console demo.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Content } from '../content/types.js';
import { issueKey, type IndexedIssue } from '../store/issues.js';
import type { GithubPort, IssueIndex } from './ports.js';
import { createSigMap } from './sig-map.js';
import { isStarterIssue } from '../content/starter.js';

const sampleSchema = z.strictObject({
  about: z.string(),
  snapshotAt: z.iso.datetime(),
  issues: z.array(
    z.strictObject({
      owner: z.string().regex(/^[\w.-]+$/),
      repo: z.string().regex(/^[\w.-]+$/),
      number: z.number().int().positive(),
      title: z.string().min(1),
      labels: z.array(z.string()),
      language: z.string().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
});

export interface Sample {
  snapshotAt: Date;
  issues: IndexedIssue[];
}

/** A missing file is an empty sample; a malformed one is an error naming the file. */
/**
 * Ages are kept relative to the snapshot (an issue opened 2 days before it is "2 days ago" today), so the
 * demo reads the same whenever it runs; every reply says it is a sample.
 */
export async function loadSample(contentDir: string, content: Content, webBase: string, now: Date): Promise<Sample> {
  const file = path.join(contentDir, 'sample-issues.json');
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return { snapshotAt: new Date(0), issues: [] };
  }
  const parsed = sampleSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const sigs = createSigMap(content);
  const shift = now.getTime() - Date.parse(parsed.data.snapshotAt);
  const moved = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  // The sample obeys the community's own idea of a starter issue, as a search would.
  const starters = parsed.data.issues.filter((i) => isStarterIssue(content.community.github, i.labels));
  const issues = starters.map((i) => ({
    owner: i.owner,
    repo: i.repo,
    number: i.number,
    title: i.title,
    // The numbers are made up: the link goes to the repository's real "good first issues" page instead.
    url: `${webBase}/${encodeURIComponent(i.owner)}/${encodeURIComponent(i.repo)}/contribute`,
    labels: i.labels,
    sigIds: sigs.sigsOf(i),
    language: i.language,
    createdAt: moved(i.createdAt),
    updatedAt: moved(i.createdAt),
    firstSeenAt: now.toISOString(),
  }));
  return { snapshotAt: now, issues };
}

export function createSampleIndex(sample: Sample): IssueIndex {
  const taken = new Set<string>();
  const live = () => sample.issues.filter((i) => !taken.has(issueKey(i)));
  return {
    async status() {
      return { source: 'sample', refreshedAt: sample.snapshotAt, stale: false, failing: false };
    },
    async list() {
      return [...live()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async get(id) {
      return live().find((i) => issueKey(i) === issueKey(id)) ?? null;
    },
    async forget(id) {
      taken.add(issueKey(id));
    },
    refreshIfStale() {},
    invalidate() {},
  };
}

/** Every sample issue is free; anything else cannot be checked offline. */
export function createSampleGithub(sample: Sample, webBase: string): GithubPort {
  return {
    source: 'sample',
    webBase,
    issueHosts: ['github.com'],
    async checkIssue(id) {
      const hit = sample.issues.find((i) => issueKey(i) === issueKey(id));
      if (!hit) return { state: 'unreachable', reason: 'sample' };
      return { state: 'free', title: hit.title, labels: hit.labels, assignees: [], signals: [] };
    },
    async userExists() {
      return null;
    },
    liveCheck() {
      return 0;
    },
  };
}
