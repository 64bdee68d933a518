// `npm run bench [-- name…]`: runs the benchmarks and prints their figures (see the README table).
import type { Bench } from './bench.js';
import { discord } from './discord.js';
import { followUps } from './follow-ups.js';
import { issues } from './issues.js';
import { load } from './load.js';
import { nlu } from './nlu.js';
import { digestBuild, digestDelivery } from './digest.js';
import { slack } from './slack.js';
import { startup } from './startup.js';
import { startupService } from './startup-service.js';

const BENCHES: Bench[] = [
  startupService,
  startup,
  load,
  digestBuild,
  digestDelivery,
  discord,
  slack,
  nlu,
  issues,
  followUps,
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name.includes(w)));
if (unknown.length > 0) {
  // A typo must not look like a run that measured nothing.
  console.error(
    `No benchmark's name contains ${unknown.map((w) => `"${w}"`).join(', ')}. The benchmarks:\n${BENCHES.map((b) => `  ${b.name}`).join('\n')}`,
  );
  process.exit(2);
}
for (const bench of BENCHES.filter((b) => wanted.length === 0 || wanted.some((w) => b.name.includes(w)))) {
  const figures = await bench.run();
  console.log(
    `${bench.name}: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
}
