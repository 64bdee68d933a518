// `eval --cases FILE [--cases FILE…] [--sigs FILE] [--json] [--errors]`: measures understanding on labelled cases.
import { readFile } from 'node:fs/promises';
import { ContentError, loadContent } from '../content/load.js';
import { createNlu } from '../nlu/index.js';
import { parseCases, type Cases } from './eval-cases.js';
import { jsonLine, missLines, tableLines, type EvalResult } from './eval-report.js';
import { groupedCrossValidation } from './eval-cv.js';
import { measureLatency, scoreGuesses, scoreIntents, scoreSigs } from './eval-score.js';
import { parseFlags, type CliCommand } from './command.js';

/** `--cases` may be repeated; the other flags go through the shared parser. */
function splitCases(args: string[]): { files: string[]; rest: string[]; problems: string[] } {
  const files: string[] = [];
  const rest: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--cases') {
      rest.push(args[i]!);
      continue;
    }
    const file = args[i + 1];
    if (file === undefined || file.startsWith('--')) problems.push('--cases needs a value');
    else files.push(file);
    i += 1;
  }
  return { files, rest, problems };
}

export const evalCommand: CliCommand = {
  name: 'eval',
  usage: 'eval --cases FILE [--sigs FILE] [--json] [--errors] [--cv]',
  summary: 'score intents and SIG recommendation on JSON-lines cases',
  async run(args, io) {
    const { files, rest, problems } = splitCases(args);
    const flags = parseFlags(rest, { values: ['sigs'], switches: ['json', 'errors', 'cv'] });
    problems.push(...flags.problems);
    if (files.length === 0) problems.push('--cases FILE is required');
    if (problems.length > 0) {
      for (const p of problems) io.err(p);
      io.err(`usage: npm run cli -- ${this.usage}`);
      return 2;
    }
    const cases: Cases = { intents: [], sigs: [], problems: [] };
    for (const file of files) {
      let source: string;
      try {
        source = await readFile(file, 'utf8');
      } catch (err) {
        io.err(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
        return 1;
      }
      parseCases(source, file, cases);
    }
    for (const p of cases.problems) io.err(p);
    if (cases.intents.length + cases.sigs.length === 0) {
      io.err('no usable case: each line needs {"text","intent"} or {"text","sig"}');
      return 1;
    }

    let content;
    try {
      content = await loadContent({ dir: io.env.CONTENT_DIR || 'content', sigsFile: flags.values.sigs });
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      for (const p of err.problems) io.err(p);
      return 1;
    }
    const nlu = createNlu(content);
    const intents = cases.intents.length > 0 ? scoreIntents(nlu, cases.intents) : undefined;
    const sigs = cases.sigs.length > 0 ? scoreSigs(nlu, cases.sigs) : undefined;
    // Grouped cross-validation (in memory; trains on the other folds' cases, so it is a measurement, never a model).
    const cv =
      flags.switches.has('cv') && cases.intents.length > 0
        ? scoreGuesses(cases.intents, groupedCrossValidation(cases.intents, 5, content.nlu))
        : undefined;
    const result: EvalResult = {
      ...(intents ? { intent: intents.score, channel: intents.channel } : {}),
      ...(cv ? { intent_cv: cv.score, channel_cv: cv.channel } : {}),
      ...(sigs ? { sig: sigs.score } : {}),
      latency_ms: measureLatency(
        nlu,
        [...cases.intents, ...cases.sigs].map((c) => c.text),
      ),
    };

    if (flags.switches.has('errors')) {
      for (const l of [
        ...missLines('intent errors', intents?.misses ?? []),
        ...missLines('SIG misses (not in top 3)', sigs?.misses ?? []),
      ])
        io.out(l);
    }
    for (const l of tableLines(result)) io.out(l);
    if (cases.problems.length > 0) io.out(`${cases.problems.length} line(s) skipped: see the messages above`);
    if (flags.switches.has('json')) io.out(jsonLine(result));
    // Skipped lines make the figures partial: say so in the exit code, after printing what could be measured.
    return cases.problems.length > 0 ? 1 : 0;
  },
};
