// The start-up baseline: a bare Bolt app (HTTP receiver) that answers /readyz, run with plain node like onramp's build.
import { App, LogLevel } from '@slack/bolt';

const port = Number(process.env.PORT);
const app = new App({
  token: 'xoxb-bench',
  signingSecret: 'bench-signing-secret',
  botId: 'B0BENCH',
  botUserId: 'U0BENCH',
  logLevel: LogLevel.ERROR,
  customRoutes: [{ path: '/readyz', method: ['GET'], handler: (_req, res) => void res.writeHead(200).end('ok') }],
});
app.event('app_mention', async ({ say }) => void (await say('hello')));
await app.start(port);
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
