// `issues refresh` (a progress line per query) and `issues list [--sig ID] [--language L]` over the cached index.
import { boot } from '../boot.js';
import { normalizeLanguage } from '../capabilities/shared/issue-filters.js';
import { findSig } from '../content/find-sig.js';
import { stripControl } from '../core/plain.js';
import type { QueryReport } from '../github/refresh-index.js';
import { claimChecksPerRefresh, refreshIssues } from '../jobs/refresh-issues.js';
import { issueKey } from '../store/issues.js';
import { parseFlags, type CliCommand, type CliIo } from './command.js';

/** `refresh` always means GitHub; `list` reads what the bot would answer from (chooseSource: the sample in a console setup). */
const bootFor = (io: CliIo, issueSource?: 'github') =>
  boot(io.env, { logFd: 2, logLevel: io.env.LOG_LEVEL || 'error', ...(issueSource ? { issueSource } : {}) });

function progressLine(r: QueryReport, index: number, count: number): string {
  const head = `[${index + 1}/${count}] ${r.query.q}`;
  if (!r.ok) return `${head}: failed (${r.error}); the issues it found before are kept`;
  const partial = r.complete ? '' : ', incomplete (nothing removed)';
  return `${head}: ${r.found} free issues, +${r.added} -${r.removed}; ${r.requests} requests, ${r.notModified} unchanged (304)${partial}`;
}

export const issuesRefresh: CliCommand = {
  name: 'issues refresh',
  usage: 'issues refresh',
  summary: 'refresh the issue index from GitHub now, a line per query; exit 1 if a query failed',
  async run(args, io) {
    const { problems } = parseFlags(args, {});
    if (problems.length > 0) return (problems.forEach((p) => io.err(p)), 2);
    const booted = await bootFor(io, 'github');
    try {
      const { deps, githubSide } = booted;
      if (!deps.config.GITHUB_TOKEN)
        io.out('GITHUB_TOKEN is not set: unauthenticated, GitHub allows 10 searches a minute, so this is slower.');
      io.out(`Refreshing from ${deps.config.GITHUB_API_URL}…`);
      const { report, claims } = await refreshIssues(
        {
          refresh: githubSide.refresh,
          issues: deps.issues,
          github: deps.github,
          store: deps.store,
          log: deps.log,
          now: deps.now,
          claimChecks: claimChecksPerRefresh(Boolean(deps.config.GITHUB_TOKEN)),
        },
        { force: true, onQuery: (r, i, n) => io.out(progressLine(r, i, n)) },
      );
      if (!report) {
        io.err(
          'Another runner (the bot, or another `issues refresh`) is refreshing the index right now; nothing was asked of GitHub from here. Try again in a minute.',
        );
        return 1;
      }
      const total = (await deps.issues.list()).length;
      io.out(
        `Index: ${total} free issues; ${report?.languageLookups ?? 0} repository languages looked up; claims: ${claims?.checked ?? 0} checked, ${claims?.progressed ?? 0} with progress, ${claims?.ended ?? 0} ended.`,
      );
      return report?.queries.every((q) => q.ok) ? 0 : 1;
    } finally {
      await booted.close();
    }
  },
};

export const issuesList: CliCommand = {
  name: 'issues list',
  usage: 'issues list [--sig ID] [--language L]',
  summary: 'print the cached free issues (no GitHub request), newest first',
  async run(args, io) {
    const { values, problems } = parseFlags(args, { values: ['sig', 'language'] });
    if (problems.length > 0) return (problems.forEach((p) => io.err(p)), 2);
    const booted = await bootFor(io);
    try {
      const { deps } = booted;
      const sig = values.sig ? findSig(deps.content, values.sig) : undefined;
      if (values.sig && !sig) return (io.err(`--sig: no SIG called "${values.sig}" (see content/sigs.yaml)`), 2);
      const language = values.language
        ? (normalizeLanguage(values.language) ?? values.language.toLowerCase())
        : undefined;
      const status = await deps.issues.status();
      const claimed = new Set((await deps.store.claims.allOpen()).map((c) => c.key));
      const shown = (await deps.issues.list()).filter(
        (i) => (!sig || i.sigIds.includes(sig.id)) && (!language || i.language?.toLowerCase() === language),
      );
      if (!status.refreshedAt && shown.length === 0)
        return (io.out('The index is empty: run `npm run cli -- issues refresh`.'), 0);
      const age =
        status.source === 'sample'
          ? 'the bundled sample: made-up issues, as the console bot shows without GITHUB_TOKEN; set it or ISSUES_SOURCE=github for the real ones'
          : status.refreshedAt
            ? `checked ${status.refreshedAt.toISOString()}`
            : 'never completely refreshed';
      io.out(
        `${shown.length} free issues${sig ? ` in ${sig.id}` : ''}${language ? ` in ${language}` : ''} (${age}${status.failing ? '; the last refresh failed' : ''}):`,
      );
      for (const i of shown) {
        const tags = [i.sigIds.join(',') || 'no SIG', i.language ?? '?', claimed.has(issueKey(i)) ? 'claimed here' : '']
          .filter(Boolean)
          .join(' · ');
        // Titles come from GitHub: one line each, and no control character (an ANSI escape) reaches the operator's terminal.
        const title = stripControl(i.title.replace(/\s+/g, ' '));
        io.out(`${i.owner}/${i.repo}#${i.number}  ${title}  [${tags}]  ${i.url}`);
      }
      return 0;
    } finally {
      await booted.close();
    }
  },
};
