// `report [--since DATE] [--until DATE] [--group ID] [--json | --csv] [--chart FILE]`: the newcomer funnel from the store.
import { writeFile } from 'node:fs/promises';
import { readConfig } from '../boot.js';
import { funnelSvg } from '../report/funnel-chart.js';
import { buildReport, reportCsv, reportJson, reportText } from '../report/funnel-report.js';
import { openDatabase } from '../store/database.js';
import { createStore } from '../store/store.js';
import { parseFlags, type CliCommand } from './command.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as written, or null when it is not one (2026-02-30 included). */
function calendarDate(s: string): Date | null {
  if (!DAY.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : d;
}

/** The first problem with the options, as one line, or null. */
function problemWith(values: Record<string, string>, switches: Set<string>): string | null {
  for (const name of ['since', 'until'] as const) {
    const v = values[name];
    if (v !== undefined && !calendarDate(v))
      return `--${name} must be a date written YYYY-MM-DD, such as 2026-11-01 (got "${v}")`;
  }
  if (values.since && values.until && values.since > values.until)
    return `--since ${values.since} is after --until ${values.until}`;
  if (switches.has('json') && switches.has('csv')) return '--json and --csv cannot be used together: choose one';
  if (values.chart !== undefined && !values.chart.toLowerCase().endsWith('.svg'))
    return `--chart writes SVG only: name the file with .svg (got "${values.chart}")`;
  return null;
}

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'report [--since DATE] [--until DATE] [--group ID] [--json | --csv] [--chart FILE.svg]',
  summary: 'the newcomer funnel: people per step, by group and week, median days between steps',
  async run(args, io) {
    const { values, switches, problems } = parseFlags(args, {
      values: ['since', 'until', 'group', 'chart'],
      switches: ['json', 'csv'],
    });
    const problem = problems[0] ?? problemWith(values, switches);
    if (problem) {
      io.err(`report: ${problem}`);
      return 2;
    }
    // The report needs the database alone: no content, no GitHub, no chat platform.
    const config = readConfig(io.env);
    const database = await openDatabase(config.DATABASE_URL);
    try {
      const { funnel } = createStore(database);
      const since = values.since ? calendarDate(values.since)! : undefined;
      const until = values.until ? new Date(calendarDate(values.until)!.getTime() + 86_400_000) : undefined;
      // Groups are attributed over each person's whole history; the window is applied after.
      const report = buildReport(
        await funnel.events(),
        await funnel.counts({ ...(since ? { since } : {}), ...(until ? { until } : {}) }),
        {
          ...(values.since ? { since: values.since } : {}),
          ...(values.until ? { until: values.until } : {}),
          ...(values.group ? { group: values.group } : {}),
        },
      );
      if (values.chart) {
        await writeFile(
          values.chart,
          funnelSvg(report, values.group ? `Newcomer funnel: ${values.group}` : 'Newcomer funnel'),
        );
        if (!switches.has('json')) io.err(`chart written to ${values.chart}`);
      }
      if (switches.has('json')) io.out(reportJson(report));
      else if (switches.has('csv')) for (const line of reportCsv(report)) io.out(line);
      else for (const line of reportText(report)) io.out(line);
      return 0;
    } finally {
      await database.close();
    }
  },
};
