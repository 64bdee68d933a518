// Builds one digest message in neutral blocks: intro, issues grouped by SIG with a claim button, the nudge.
import { buttons, items, text } from '../core/blocks.js';
import type { Translate } from '../core/i18n.js';
import { escapeMarkup } from '../core/markup.js';
import type { Block, LinkedItem, Reply } from '../core/types.js';
import type { Content } from '../content/types.js';
import type { DigestIssue } from './issue-source.js';
import { refOf } from '../views/issue-ref.js';
import { issueLine } from '../views/issue-view.js';

/** The DM-digest switch, owned by the digest capability; value `on` or `off`. */
export const DIGEST_TOGGLE_ACTION = 'digest.dm';

export interface DigestMessage {
  kind: 'channel' | 'user';
  /** True when this destination never had a digest: the issues are the freshest, not "new this week". */
  first: boolean;
  groups: { sigId: string; issues: DigestIssue[] }[];
  /** New issues left out by the limit (shown as "and N more"). */
  more: number;
}

/** An issue in a digest: the shared line (src/views), with its reference, labels and language. */
function issueItem(issue: DigestIssue, t: Translate): LinkedItem {
  const labels = issue.labels.slice(0, 3).join(', ');
  const parts = [
    `\`${escapeMarkup(refOf(issue))}\``,
    labels && escapeMarkup(labels),
    issue.language ? escapeMarkup(issue.language) : '',
  ];
  return issueLine(issue, parts, t('digest.claim_button'));
}

/** `t` is bound to the destination's language and platform (command names differ between platforms). */
export type Composer = (message: DigestMessage, t: Translate) => Reply;

/**
 * A composer for one run: an issue's line and button are the same in every digest read the same way,
 * so they are built once per (translator, issue) rather than once per destination. The caller binds one
 * translator per language and platform, and the memos are kept per translator.
 */
export function createComposer(content: Content): Composer {
  const memos = new WeakMap<Translate, { lines: Map<string, LinkedItem>; said: Map<string, string> }>();
  const memoOf = (t: Translate) => {
    let memo = memos.get(t);
    if (!memo) memos.set(t, (memo = { lines: new Map(), said: new Map() }));
    return memo;
  };
  const itemOf = (issue: DigestIssue, t: Translate) => {
    const { lines } = memoOf(t);
    let item = lines.get(issue.key);
    if (!item) lines.set(issue.key, (item = issueItem(issue, t)));
    return item;
  };
  // Thousands of digests say the same few sentences: each is translated once per translator and value.
  const say = (t: Translate, key: string, params: Record<string, string | number> = {}) => {
    const { said } = memoOf(t);
    const memo = `${key}\u0000${Object.values(params).join('\u0000')}`;
    let line = said.get(memo);
    if (line === undefined) said.set(memo, (line = t(key, params)));
    return line;
  };
  const sigName = (id: string) => content.sigById.get(id)?.name ?? id;
  return (message, t) => {
    const count = message.groups.reduce((n, g) => n + g.issues.length, 0);
    const intro =
      message.kind === 'channel'
        ? say(t, message.first ? 'digest.channel_intro_first' : 'digest.channel_intro', {
            count,
            name: message.groups.map((g) => sigName(g.sigId)).join(', '),
          })
        : say(t, message.first ? 'digest.dm_intro_first' : 'digest.dm_intro', { count });
    const blocks: Block[] = [text(intro)];
    // A DM always names its groups; a channel's intro already names its one.
    const titled = message.kind === 'user' || message.groups.length > 1;
    for (const group of message.groups) {
      if (titled) blocks.push(text(say(t, 'digest.group_title', { name: sigName(group.sigId) })));
      blocks.push(items(group.issues.map((i) => itemOf(i, t))));
    }
    if (message.more > 0) {
      const finder = content.community.links.issueFinder;
      blocks.push(
        text(
          finder
            ? say(t, 'digest.more_link', {
                count: message.more,
                linkMarkup: `[${escapeMarkup(say(t, 'digest.more_label'))}](${finder})`,
              })
            : say(t, 'digest.more', { count: message.more }),
        ),
      );
    }
    blocks.push(text(say(t, 'digest.just_say_it')));
    if (message.kind === 'user') {
      blocks.push(
        text(say(t, 'digest.dm_footer')),
        buttons([{ id: DIGEST_TOGGLE_ACTION, label: say(t, 'digest.button_off'), value: 'off' }]),
      );
    }
    return { blocks };
  };
}
