// `/privacy`: what the bot keeps about the person, an export of it as JSON, and erasing it after a confirmation.
import { buttons, text } from '../core/blocks.js';
import type { Capability, Ctx as AnyCtx } from '../core/capability.js';
import { escapeMarkup } from '../core/markup.js';
import type { Block, Reply } from '../core/types.js';
import { refOf } from '../views/issue-ref.js';
import type { PersonalData, PersonalRecord } from './ports.js';

type Ctx = AnyCtx<PersonalData>;

const EXPORT = 'privacy.export';
const FORGET = 'privacy.forget';
const CONFIRM = 'privacy.forget_confirm';
const CANCEL = 'privacy.forget_cancel';

const day = (d: Date) => d.toISOString().slice(0, 10);

function isEmpty(r: PersonalRecord): boolean {
  return (
    !r.locale &&
    !r.seenLocale &&
    r.groups.length === 0 &&
    !r.digestByDm &&
    !r.githubLogin &&
    r.claims.length === 0 &&
    r.waiting.length === 0 &&
    r.leadNotes.length === 0 &&
    !r.lastListingAt &&
    r.funnel.length === 0
  );
}

async function show(ctx: Ctx): Promise<Reply> {
  const r = await ctx.personal.describe(ctx.user);
  if (isEmpty(r)) return { blocks: [text(ctx.t('privacy.nothing'))], private: true };
  const lines: string[] = [];
  const language = [r.locale, r.seenLocale].filter((l): l is string => Boolean(l));
  if (language.length > 0) lines.push(ctx.t('privacy.item_language', { language: [...new Set(language)].join(', ') }));
  if (r.groups.length > 0) lines.push(ctx.t('privacy.item_groups', { groups: r.groups.map(escapeMarkup).join(', ') }));
  if (r.digestByDm) lines.push(ctx.t('privacy.item_digest'));
  if (r.githubLogin) lines.push(ctx.t('privacy.item_github', { login: escapeMarkup(r.githubLogin) }));
  if (r.claims.length > 0) lines.push(ctx.t('privacy.item_claims', { refs: r.claims.map(refOf).join(', ') }));
  if (r.waiting.length > 0) lines.push(ctx.t('privacy.item_waiting', { refs: r.waiting.map(refOf).join(', ') }));
  if (r.lastListingAt) lines.push(ctx.t('privacy.item_listing', { date: day(r.lastListingAt) }));
  if (r.funnel.length > 0)
    lines.push(ctx.t('privacy.item_funnel', { steps: r.funnel.map((f) => `${f.step} (${day(f.at)})`).join(', ') }));
  if (r.leadNotes.length > 0)
    lines.push(ctx.t('privacy.item_lead_notes', { groups: r.leadNotes.map(escapeMarkup).join(', ') }));
  return {
    blocks: [
      text(ctx.t('privacy.intro')),
      text(lines.join('\n')),
      buttons([
        { id: EXPORT, label: ctx.t('privacy.button_export'), value: 'json' },
        { id: FORGET, label: ctx.t('privacy.button_forget'), value: 'ask', style: 'danger' },
      ]),
    ],
    private: true,
  };
}

/** The person's own data, sent only to them: JSON written literally (escaped), as the block vocabulary has no files. */
async function exportJson(ctx: Ctx): Promise<Reply> {
  const r = await ctx.personal.describe(ctx.user);
  const json = JSON.stringify(
    { platform: ctx.user.platform, workspace: ctx.user.workspaceId, user: ctx.user.userId, ...r },
    null,
    1,
  );
  return { blocks: [text(ctx.t('privacy.export_intro')), text(escapeMarkup(json))], private: true };
}

function ask(ctx: Ctx): Reply {
  return {
    blocks: [
      text(ctx.t('privacy.forget_confirm')),
      buttons([
        { id: CONFIRM, label: ctx.t('privacy.button_confirm'), value: 'yes', style: 'danger' },
        { id: CANCEL, label: ctx.t('privacy.button_cancel'), value: 'no' },
      ]),
    ],
    private: true,
  };
}

async function forget(ctx: Ctx): Promise<Reply> {
  const e = await ctx.personal.erase(ctx.user, ctx.now());
  const parts: string[] = [];
  if (e.language) parts.push(ctx.t('privacy.erased_language'));
  if (e.groups > 0) parts.push(ctx.t('privacy.erased_groups', { count: e.groups }));
  if (e.digestByDm) parts.push(ctx.t('privacy.erased_digest'));
  if (e.githubLogin) parts.push(ctx.t('privacy.erased_github'));
  if (e.released.length > 0)
    parts.push(ctx.t('privacy.erased_claims', { count: e.released.length, refs: e.released.map(refOf).join(', ') }));
  if (e.waiting > 0) parts.push(ctx.t('privacy.erased_waiting', { count: e.waiting }));
  if (e.funnelSteps > 0) parts.push(ctx.t('privacy.erased_funnel', { count: e.funnelSteps }));
  const blocks: Block[] = [
    text(parts.length > 0 ? ctx.t('privacy.erased', { list: parts.join('; ') }) : ctx.t('privacy.erased_nothing')),
  ];
  return { blocks, private: true };
}

export const privacy: Capability<PersonalData> = {
  id: 'privacy',
  usage: '/privacy [export | forget]',
  command: [{ name: 'action' }],
  actions: [EXPORT, FORGET, CONFIRM, CANCEL],
  async run(input, ctx) {
    // Erasing happens only on the confirmation button: a command or a typed word only asks.
    if (input.action) {
      if (input.action.id === EXPORT) return exportJson(ctx);
      if (input.action.id === FORGET) return ask(ctx);
      if (input.action.id === CONFIRM) return forget(ctx);
      return { blocks: [text(ctx.t('privacy.cancelled'))], private: true };
    }
    const word = input.text.trim().toLowerCase();
    if (word === '') return show(ctx);
    if (['export', 'exporter'].includes(word)) return exportJson(ctx);
    if (['forget', 'erase', 'delete', 'oublier', 'effacer', 'supprimer'].includes(word)) return ask(ctx);
    return { blocks: [text(ctx.t('privacy.unknown'))], private: true };
  },
};
