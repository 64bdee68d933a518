// `npm run bench -- load`: signed Slack mentions at fixed rates (open loop) against the compiled service and a
// bare Bolt app, each its own process, through the same fake Slack: acks, replies, CPU per request, and RSS.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startFakeSlack, type FakeSlack } from '../tests/slack/fake-slack.js';
import { BOT_TOKEN, eventCallback, mention, sign, SIGNING_SECRET } from '../tests/slack/payloads.js';
import { percentile, round, type Bench } from './bench.js';

/** Requests per second, climbed until a subject failed to hold two rates in a row (p99 ack ≥ 1 s or a failed ack). */
const RATES = (process.env.BENCH_LOAD_RATES ?? '50,100,200,300,400,500').split(',').map(Number);
const STEP_S = Number(process.env.BENCH_LOAD_SECONDS ?? 4);
/** How long a sender waits for an acknowledgement before counting it failed (Slack gives up after 3 s). */
const ACK_TIMEOUT_MS = 10_000;
const AFTER_S = Number(process.env.BENCH_LOAD_AFTER_S ?? 30);
const CLK_TCK = 100;
const WARMUP = 100;

interface Subject {
  label: 'bare' | 'onramp';
  child: ChildProcess;
  url: string;
}

interface Step {
  rate: number;
  sent: number;
  ackP50: number;
  ackP99: number;
  acksOver3s: number;
  failed: number;
  replies: number;
  replyP50: number;
  replyP99: number;
  cpuMsPerRequest: number;
  rssMb: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!) / 1024;
/** User + system CPU of a process so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / CLK_TCK) * 1000;
}

async function start(label: Subject['label'], fake: FakeSlack, dir: string): Promise<Subject> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH!,
    PORT: String(port),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_URL: `sqlite:${path.join(dir, `${label}.sqlite`)}`,
    ISSUES_SOURCE: 'sample',
    LOG_LEVEL: 'warn',
  };
  const args = label === 'bare' ? ['bench/load-bare-bolt.mjs'] : ['dist/src/main.js'];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (child.exitCode !== null) throw new Error(`${label} exited before it was ready`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { label, child, url: `http://127.0.0.1:${port}/slack/events` };
}

/** One signed mention; resolves with the ack's latency in ms, or NaN when it failed or took over ACK_TIMEOUT_MS. */
function post(agent: Agent, url: string, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(body, timestamp),
  };
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers, timeout: ACK_TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : NaN));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(NaN));
    req.end(body);
  });
}

async function step(subject: Subject, fake: FakeSlack, rate: number): Promise<Step> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const pid = subject.child.pid!;
  const cpuBefore = cpuMs(pid);
  const sentAt = new Map<string, number>();
  const acks: Promise<number>[] = [];
  let peakRss = rssMb(pid);
  const total = rate * STEP_S;
  const begun = Date.now();
  // Open loop: requests leave on schedule whether or not earlier ones were answered.
  while (acks.length < total) {
    const due = Math.min(total, Math.floor(((Date.now() - begun) / 1000) * rate));
    while (acks.length < due) {
      const i = acks.length;
      const event = mention('how do I contribute?', { user: `U0LOAD${i % 50}` });
      sentAt.set(String(event.ts), Date.now());
      acks.push(post(agent, subject.url, JSON.stringify(eventCallback(event))));
    }
    peakRss = Math.max(peakRss, rssMb(pid));
    await new Promise((r) => setTimeout(r, 5));
  }
  const ackMs = await Promise.all(acks);
  await new Promise((r) => setTimeout(r, 1500)); // replies still on their way
  peakRss = Math.max(peakRss, rssMb(pid));
  const cpu = cpuMs(pid) - cpuBefore;
  const replyMs = fake.calls
    .filter((c) => c.method === 'chat.postMessage' && sentAt.has(String(c.body.thread_ts)))
    .map((c) => c.at - sentAt.get(String(c.body.thread_ts))!)
    .sort((a, b) => a - b);
  fake.calls.length = 0;
  agent.destroy();
  const ok = ackMs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  // A failed ack counts as the slowest: p99 over every request sent, not only the answered ones.
  const all = [...ok, ...Array<number>(total - ok.length).fill(Infinity)];
  return {
    rate,
    sent: total,
    ackP50: round(percentile(all, 50), 1),
    ackP99: round(percentile(all, 99), 1),
    acksOver3s: ok.filter((x) => x > 3000).length,
    failed: total - ok.length,
    replies: replyMs.length,
    replyP50: round(percentile(replyMs, 50), 0),
    replyP99: round(percentile(replyMs, 99), 0),
    cpuMsPerRequest: round(cpu / total, 2),
    rssMb: round(peakRss, 0),
  };
}

const held = (s: Step) => s.failed === 0 && s.ackP99 < 1000;

export const load: Bench = {
  name: 'load: signed Slack mentions at fixed rates (open loop), compiled onramp vs bare Bolt, same fake Slack',
  async run() {
    if (process.env.BENCH_NO_BUILD !== '1') execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
    const fake = await startFakeSlack();
    for (let i = 0; i < 50; i++) fake.users.set(`U0LOAD${i}`, { name: `Load ${i}` });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-bench-load-'));
    const subjects = [await start('bare', fake, dir), await start('onramp', fake, dir)];
    const figures: Record<string, number | string> = { step_s: STEP_S };
    try {
      // Warm-up, one at a time: the JIT and the caches, so the first step does not measure them.
      const agent = new Agent({ keepAlive: true });
      for (const s of subjects)
        for (let i = 0; i < WARMUP; i++)
          await post(
            agent,
            s.url,
            JSON.stringify(eventCallback(mention('how do I contribute?', { user: `U0LOAD${i % 50}` }))),
          );
      agent.destroy();
      fake.calls.length = 0;
      await new Promise((r) => setTimeout(r, 1000));
      const idle = Object.fromEntries(subjects.map((s) => [s.label, rssMb(s.child.pid!)]));
      const steps: Record<string, Step[]> = { bare: [], onramp: [] };
      const climbing = new Set(subjects.map((s) => s.label));
      // Interleaved per rate, so a busy moment on the shared machine touches both alike.
      for (const rate of RATES) {
        for (const s of subjects.filter((x) => climbing.has(x.label))) {
          const r = await step(s, fake, rate);
          steps[s.label]!.push(r);
          console.error(`${s.label} @${rate}/s: ${JSON.stringify(r)}`);
          figures[`${s.label}_at_${rate}`] =
            `ack_p99=${r.ackP99},replies=${r.replies}/${r.sent},reply_p99=${r.replyP99}`;
          const last = steps[s.label]!.slice(-2);
          if (last.length === 2 && !last.some(held)) climbing.delete(s.label);
        }
        if (climbing.size === 0) break;
      }
      await new Promise((r) => setTimeout(r, AFTER_S * 1000));
      for (const s of subjects) {
        const best = steps[s.label]!.filter(held).at(-1);
        const above = steps[s.label]!.filter((x) => x.rate > (best?.rate ?? 0));
        figures[`${s.label}_held_rate`] = best?.rate ?? 0;
        figures[`${s.label}_ack_p99_ms`] = best?.ackP99 ?? NaN;
        figures[`${s.label}_reply_p50_ms`] = best?.replyP50 ?? NaN;
        figures[`${s.label}_reply_p99_ms`] = best?.replyP99 ?? NaN;
        figures[`${s.label}_cpu_ms_per_req`] = best?.cpuMsPerRequest ?? NaN;
        figures[`${s.label}_above_acks_over_3s`] = above.reduce((n, x) => n + x.acksOver3s + x.failed, 0);
        figures[`${s.label}_above_replies_of_sent`] = above.map((x) => `${x.replies}/${x.sent}`).join(',') || '-';
        figures[`${s.label}_rss_idle_mb`] = round(idle[s.label]!, 0);
        figures[`${s.label}_rss_peak_mb`] = Math.max(...steps[s.label]!.map((x) => x.rssMb));
        figures[`${s.label}_rss_after_${AFTER_S}s_mb`] = round(rssMb(s.child.pid!), 0);
      }
      figures.rate_ratio = round((figures.onramp_held_rate as number) / (figures.bare_held_rate as number), 2);
      figures.rss_after_over_idle = round(
        (figures[`onramp_rss_after_${AFTER_S}s_mb`] as number) / (figures.onramp_rss_idle_mb as number),
        2,
      );
      return figures;
    } finally {
      for (const s of subjects) {
        const exited = new Promise((r) => s.child.once('exit', r));
        s.child.kill('SIGTERM');
        await exited;
      }
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
