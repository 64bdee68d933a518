// Following a claim on GitHub: the holder's pull request noticed (what happens next), nudged when unreviewed,
// celebrated when merged (a next step, a share button), and their mentor told each time. Each message once.
import { SHARE_BUTTON } from '../views/journey-buttons.js';
import { buttons, text } from '../core/blocks.js';
import type { Translate, Translator } from '../core/i18n.js';
import { ANY_WORKSPACE, type Destination, type Reply } from '../core/types.js';
import type { Config } from '../config/schema.js';
import { helpChannel } from '../content/channels.js';
import { localized, type Content } from '../content/types.js';
import { userDestination } from '../digest/destinations.js';
import type { Post } from '../digest/deliver.js';
import type { GithubPort, LinkedPr } from '../github/ports.js';
import type { Logger } from '../log.js';
import type { Claim } from '../store/claims.js';
import type { Store } from '../store/store.js';
import { preferredLocale, type UserKey } from '../store/users.js';
import { linkMarkup, refOf } from '../views/issue-ref.js';
import { sendOnce, type JourneySender } from './journey-send.js';

const DAY = 86_400_000;
/** The button under a merge congratulation; its value is the issue's `owner/repo#number`. */

/** A hook for the contribution funnel (connected by the integrator); called once per pull request and step. */
export interface JourneyEvents {
  prOpened(e: { user: UserKey; issueKey: string; pr: number; at: Date }): Promise<void> | void;
  prMerged(e: { user: UserKey; issueKey: string; pr: number; at: Date }): Promise<void> | void;
}

export interface JourneyDeps {
  store: Pick<Store, 'claims' | 'mentors' | 'users' | 'digests' | 'githubLogins' | 'waitlist'>;
  github: GithubPort;
  content: Content;
  translator: Translator;
  config: Pick<Config, 'PR_NUDGE_DAYS' | 'DEFAULT_LOCALE'>;
  post: Post;
  log: Logger;
  now: () => Date;
  journeyEvents?: JourneyEvents;
}

/** no_login: nothing can be noticed; open_pr: the claim is never reminded nor released; merged: the claim is done. */
export type JourneyState = 'no_login' | 'unreachable' | 'none' | 'open_pr' | 'merged';

export interface JourneyTally {
  prOpened: number;
  nudged: number;
  merged: number;
}

function pickPr(prs: LinkedPr[], login: string): LinkedPr | null {
  const mine = prs.filter((p) => p.author?.toLowerCase() === login.toLowerCase());
  return mine.find((p) => p.state === 'merged') ?? mine.find((p) => p.state === 'open') ?? mine.at(-1) ?? null;
}

export function createJourney(deps: JourneyDeps) {
  const sender: JourneySender = { ledger: deps.store.digests, post: deps.post, log: deps.log, now: deps.now };
  const speak = async (user: UserKey): Promise<Translate> =>
    deps.translator.bind(preferredLocale(await deps.store.users.get(user)) ?? deps.config.DEFAULT_LOCALE, {
      platform: user.platform,
    });
  const localeOf = async (user: UserKey) =>
    preferredLocale(await deps.store.users.get(user)) ?? deps.config.DEFAULT_LOCALE;

  /** The mentor helping with this claim, when one accepted. */
  async function mentorOf(claim: Claim): Promise<UserKey | null> {
    const m = await deps.store.mentors.forClaim(claim.id);
    return m?.status === 'accepted' && m.mentorId
      ? { platform: claim.user.platform, workspaceId: claim.user.workspaceId, userId: m.mentorId }
      : null;
  }

  async function tellMentor(claim: Claim, key: string, message: string, pr: LinkedPr) {
    const mentor = await mentorOf(claim);
    if (!mentor) return;
    const m = await deps.store.mentors.forClaim(claim.id);
    const t = await speak(mentor);
    await sendOnce(sender, `${key}:mentor`, userDestination(mentor), {
      blocks: [
        text(
          t(message, {
            newcomer: m?.newcomerName ?? '',
            title: claim.title,
            linkMarkup: linkMarkup(claim),
            prUrl: pr.url,
            pr: pr.number,
          }),
        ),
      ],
    });
  }

  async function opened(claim: Claim, pr: LinkedPr, tally: JourneyTally) {
    const key = `pr-opened:${claim.id}:${pr.number}`;
    const t = await speak(claim.user);
    const next = deps.content.community.prNextSteps;
    const blocks = [
      text(t('journey.pr_opened', { title: claim.title, linkMarkup: linkMarkup(claim), prUrl: pr.url, pr: pr.number })),
    ];
    if (next) blocks.push(text(localized(next, await localeOf(claim.user))));
    blocks.push(text(t('journey.pr_wait', { days: deps.config.PR_NUDGE_DAYS })));
    if ((await sendOnce(sender, key, userDestination(claim.user), { blocks })) === 'sent') {
      tally.prOpened += 1;
      await deps.journeyEvents?.prOpened({ user: claim.user, issueKey: claim.key, pr: pr.number, at: new Date(pr.at) });
    }
    await tellMentor(claim, key, 'journey.pr_opened_mentor', pr);
    await deps.store.claims.progress(claim.id, new Date(pr.at));
  }

  async function nudge(claim: Claim, pr: LinkedPr, tally: JourneyTally) {
    if (deps.now().getTime() - new Date(pr.at).getTime() < deps.config.PR_NUDGE_DAYS * DAY) return;
    const key = `pr-nudge:${claim.id}:${pr.number}`;
    // Asked only once the wait is over, and only until the nudge is recorded (the ledger answers `done` after).
    const reviewed = await deps.github.prReviewed?.({ owner: claim.owner, repo: claim.repo, number: pr.number });
    if (reviewed !== false) return;
    const t = await speak(claim.user);
    const channel = helpChannel(deps.content, claim.user.platform, claim.sigId);
    const blocks = [
      text(t('journey.pr_nudge', { days: deps.config.PR_NUDGE_DAYS, prUrl: pr.url, pr: pr.number })),
      text(
        channel
          ? t('journey.pr_nudge_channel', { channel, prUrl: pr.url })
          : t('journey.pr_nudge_general', { prUrl: pr.url }),
      ),
    ];
    if ((await sendOnce(sender, key, userDestination(claim.user), { blocks })) === 'sent') tally.nudged += 1;
    await tellMentor(claim, key, 'journey.pr_nudge_mentor', pr);
  }

  async function merged(claim: Claim, pr: LinkedPr, tally: JourneyTally) {
    const key = `pr-merged:${claim.id}:${pr.number}`;
    const t = await speak(claim.user);
    const group = claim.sigId ? deps.content.sigById.get(claim.sigId) : undefined;
    const reply: Reply = {
      blocks: [
        text(t('journey.pr_merged', { title: claim.title, prUrl: pr.url, pr: pr.number })),
        text(group ? t('journey.next_step_group', { group: group.name, groupId: group.id }) : t('journey.next_step')),
        buttons([{ id: SHARE_BUTTON, label: t('journey.button_share'), value: refOf(claim), style: 'primary' }]),
      ],
    };
    if ((await sendOnce(sender, key, userDestination(claim.user), reply)) === 'sent') {
      tally.merged += 1;
      await deps.journeyEvents?.prMerged({ user: claim.user, issueKey: claim.key, pr: pr.number, at: deps.now() });
    }
    await tellMentor(claim, key, 'journey.pr_merged_mentor', pr);
    await deps.store.claims.end(claim.id, 'done', 'closed', deps.now());
    await deps.store.waitlist.clear(claim);
    const m = await deps.store.mentors.forClaim(claim.id);
    if (m) await deps.store.mentors.settle(m.id, 'ended', deps.now());
  }

  return {
    /** One claim's pull request, read from the issue's timeline (the request the follow-up makes anyway). */
    async follow(claim: Claim, tally: JourneyTally): Promise<JourneyState> {
      const { login } = await deps.store.githubLogins.get(claim.user);
      if (!login) return 'no_login';
      const check = await deps.github.checkIssue(claim);
      if (check.state === 'unreachable') return 'unreachable';
      const pr = pickPr(check.pullRequests ?? [], login);
      if (!pr) return 'none';
      if (pr.state === 'merged') {
        await merged(claim, pr, tally);
        return 'merged';
      }
      if (pr.state === 'closed') {
        const t = await speak(claim.user);
        await sendOnce(sender, `pr-closed:${claim.id}:${pr.number}`, userDestination(claim.user), {
          blocks: [
            text(
              t('journey.pr_closed', {
                prUrl: pr.url,
                pr: pr.number,
                title: claim.title,
                linkMarkup: linkMarkup(claim),
              }),
            ),
          ],
        });
        return 'none';
      }
      await opened(claim, pr, tally);
      await nudge(claim, pr, tally);
      return 'open_pr';
    },

    /** The share button: posted in the group's channel only now, naming the person without any broadcast mention. */
    async share(user: UserKey, ref: string, name: string): Promise<{ channel: string } | null> {
      const m = /^([\w.-]+)\/([\w.-]+)#(\d{1,10})$/.exec(ref);
      if (!m) return null;
      const claim = await deps.store.claims.lastOn({ owner: m[1]!, repo: m[2]!, number: Number(m[3]) });
      // Only the person whose pull request was merged can share it.
      const same =
        claim &&
        claim.user.platform === user.platform &&
        claim.user.workspaceId === user.workspaceId &&
        claim.user.userId === user.userId;
      if (!claim || !same || claim.status !== 'done') return null;
      const channel = helpChannel(deps.content, user.platform, claim.sigId);
      if (!channel) return null;
      const t = deps.translator.bind(deps.config.DEFAULT_LOCALE, { platform: user.platform });
      const to: Destination = {
        platform: user.platform as Destination['platform'],
        workspaceId: ANY_WORKSPACE,
        kind: 'channel',
        channelId: channel,
      };
      await sendOnce(sender, `share:${claim.id}`, to, {
        blocks: [
          text(
            t('journey.shared_post', { name, title: claim.title, linkMarkup: linkMarkup(claim), ref: refOf(claim) }),
          ),
        ],
      });
      return { channel };
    },
  };
}

export type Journey = ReturnType<typeof createJourney>;
