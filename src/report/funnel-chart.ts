// Draws the report as one SVG picture: the funnel as centred bars, and the weekly trend of each step beside it.
import { FUNNEL_STEPS } from '../store/funnel-steps.js';
import { conversion, STEP_LABELS, type FullReport } from './funnel-report.js';

/** Text and attribute values go through here: group ids and dates come from data. */
export const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** One hue per step, light to deep, so the funnel and the trend lines read as the same steps. */
const COLOURS = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#f16913'];

const W = 1000;
const H = 520;
const FUNNEL = { x: 30, y: 90, w: 430, row: 60 };
const TREND = { x: 540, y: 100, w: 420, h: 300 };

function funnelPart(r: FullReport): string[] {
  const top = Math.max(1, ...FUNNEL_STEPS.map((s) => r.funnel[s]));
  return FUNNEL_STEPS.flatMap((step, i) => {
    const n = r.funnel[step];
    // A step nobody reached keeps a sliver, so the shape still shows where the funnel is.
    const w = Math.max(6, (n / top) * FUNNEL.w);
    const x = FUNNEL.x + (FUNNEL.w - w) / 2;
    const y = FUNNEL.y + i * FUNNEL.row;
    const pct = conversion(r.funnel, step);
    const note = pct === null ? '' : ` · ${pct}% of the step before`;
    return [
      `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${FUNNEL.row - 22}" rx="6" fill="${COLOURS[i]}"/>`,
      `<text x="${FUNNEL.x + FUNNEL.w / 2}" y="${y + 24}" text-anchor="middle" class="n">${n}</text>`,
      `<text x="${FUNNEL.x + FUNNEL.w / 2}" y="${y + FUNNEL.row - 8}" text-anchor="middle" class="label">${escapeXml(STEP_LABELS[step] + note)}</text>`,
    ];
  });
}

function trendPart(r: FullReport): string[] {
  const out = [
    `<text x="${TREND.x}" y="${TREND.y - 20}" class="h2">Each week</text>`,
    `<line x1="${TREND.x}" y1="${TREND.y + TREND.h}" x2="${TREND.x + TREND.w}" y2="${TREND.y + TREND.h}" class="axis"/>`,
  ];
  if (r.weeks.length === 0)
    return [
      ...out,
      `<text x="${TREND.x + TREND.w / 2}" y="${TREND.y + TREND.h / 2}" text-anchor="middle" class="label">No steps in this period yet</text>`,
    ];
  const top = Math.max(1, ...r.weeks.flatMap((w) => FUNNEL_STEPS.map((s) => w.counts[s])));
  const step = r.weeks.length > 1 ? TREND.w / (r.weeks.length - 1) : 0;
  const px = (i: number) => TREND.x + (r.weeks.length > 1 ? i * step : TREND.w / 2);
  const py = (n: number) => TREND.y + TREND.h - (n / top) * TREND.h;
  out.push(`<text x="${TREND.x - 8}" y="${TREND.y + 4}" text-anchor="end" class="tick">${top}</text>`);
  out.push(`<text x="${TREND.x - 8}" y="${TREND.y + TREND.h + 4}" text-anchor="end" class="tick">0</text>`);
  FUNNEL_STEPS.forEach((s, k) => {
    const points = r.weeks.map((w, i) => `${px(i).toFixed(1)},${py(w.counts[s]).toFixed(1)}`);
    out.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${COLOURS[k]}" stroke-width="3"/>`);
    out.push(
      ...r.weeks.map(
        (w, i) => `<circle cx="${px(i).toFixed(1)}" cy="${py(w.counts[s]).toFixed(1)}" r="3.5" fill="${COLOURS[k]}"/>`,
      ),
    );
  });
  // At most about eight dates under the axis, so they never overlap.
  const every = Math.ceil(r.weeks.length / 8);
  r.weeks.forEach((w, i) => {
    if (i % every === 0)
      out.push(
        `<text x="${px(i).toFixed(1)}" y="${TREND.y + TREND.h + 20}" text-anchor="middle" class="tick">${escapeXml(w.week.slice(5))}</text>`,
      );
  });
  FUNNEL_STEPS.forEach((s, k) => {
    const x = TREND.x + (k % 3) * 145;
    const y = TREND.y + TREND.h + 48 + Math.floor(k / 3) * 22;
    out.push(`<rect x="${x}" y="${y - 10}" width="12" height="12" rx="2" fill="${COLOURS[k]}"/>`);
    out.push(`<text x="${x + 18}" y="${y}" class="tick">${escapeXml(STEP_LABELS[s])}</text>`);
  });
  return out;
}

export function funnelSvg(r: FullReport, title = 'Newcomer funnel'): string {
  const period = `${r.since ?? 'from the start'} to ${r.until ?? 'now'}`;
  const medians = [
    r.median_days.claimed_to_pr_opened === null
      ? null
      : `claim → pull request: ${r.median_days.claimed_to_pr_opened} days (median)`,
    r.median_days.pr_opened_to_pr_merged === null
      ? null
      : `pull request → merge: ${r.median_days.pr_opened_to_pr_merged} days (median)`,
  ].filter((s): s is string => s !== null);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="title">`,
    `<title id="title">${escapeXml(`${title}, ${period}`)}</title>`,
    '<style>text{font-family:system-ui,sans-serif;fill:#1f2933}.h1{font-size:22px;font-weight:600}.h2{font-size:16px;font-weight:600}',
    '.n{font-size:18px;font-weight:600;fill:#fff;paint-order:stroke;stroke:#08306b;stroke-width:2px}.label{font-size:13px}.tick{font-size:12px;fill:#52606d}',
    '.axis{stroke:#9aa5b1;stroke-width:1}</style>',
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="30" y="40" class="h1">${escapeXml(title)}</text>`,
    `<text x="30" y="64" class="tick">${escapeXml([period, ...medians].join(' · '))}</text>`,
    ...funnelPart(r),
    ...trendPart(r),
    '</svg>',
    '',
  ].join('\n');
}
