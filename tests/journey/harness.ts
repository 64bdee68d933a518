// A journey world: the whole bot over the fake GitHub, a test outbox the help desk posts through, and a clock.
import { createHelpDesk } from '../../src/jobs/journey-help.js';
import { outboxPorts } from '../../src/wiring/ports.js';
import type { Content } from '../../src/content/types.js';
import { githubSetup } from '../github/setup.js';
import { createTestOutbox } from '../helpers/test-adapter.js';
import { startTestBot } from '../helpers/test-bot.js';
import { replyToPlain } from '../../src/core/plain.js';

export const ada = { userId: 'U1', userName: 'Ada' };
export const mia = { userId: 'M1', userName: 'Mia' };
export const max = { userId: 'M2', userName: 'Max' };

export async function journeyWorld(options: { content?: Content } = {}) {
  const s = await githubSetup(options.content ? { content: options.content } : {});
  const outbox = createTestOutbox();
  const deps = { ...s.deps, outboxes: [outbox] };
  const { adapter } = await startTestBot({ deps });
  const issue = s.fake.addIssue('kubernetes/website', 11, {
    title: 'Docs: explain static pods',
    labels: ['good first issue', 'sig/docs'],
  });
  await s.side.refresh();
  s.fake.reset();
  /** The job's side of the help desk (time-outs, retries), over the same store and outbox. */
  const desk = createHelpDesk({ ...deps, ...outboxPorts(deps) });
  const postsTo = (id: string) =>
    outbox.posts.filter((p) => (p.to.kind === 'user' ? p.to.userId : p.to.channelId) === id);
  const plain = (id: string) =>
    postsTo(id)
      .map((p) => replyToPlain(p.reply))
      .join('\n---\n');
  const buttonsTo = (id: string) =>
    postsTo(id).flatMap((p) =>
      p.reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons.map((x) => [x.id, x.value] as const) : [])),
    );
  return { ...s, deps, adapter, outbox, issue, desk, postsTo, plain, buttonsTo, close: () => s.fake.close() };
}
