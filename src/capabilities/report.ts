// `/report` for group leads: how newcomers are doing in their groups, and their weekly lead-note switch.
import { buttons, divider, text } from '../core/blocks.js';
import type { Capability } from '../core/capability.js';
import type { Block } from '../core/types.js';
import { groupsLedBy, leadBlocks } from '../report/lead-view.js';
import type { Catalogue, LeadReports } from './ports.js';

const NOTE = 'report.note';

export const report: Capability<Catalogue & LeadReports> = {
  id: 'report',
  usage: '/report',
  command: [],
  actions: [NOTE],
  async run(input, ctx) {
    const origin = ctx.event.origin;
    const mine = groupsLedBy(ctx.content.sigs, origin.platform, origin.userId, origin.userName);
    if (mine.length === 0) return { blocks: [text(ctx.t('report.not_lead'))], private: true };
    if (input.action) {
      // The button names a group; only a lead of that group may switch its note.
      const [on, group] = input.action.value.split(':') as [string, string];
      const sig = mine.find((g) => g.id === group);
      if (!sig) return { blocks: [text(ctx.t('report.not_lead'))], private: true };
      await ctx.leads.setNote(ctx.user, sig.id, on === 'on', ctx.locale, ctx.now());
      return {
        blocks: [text(ctx.t(on === 'on' ? 'report.note_on' : 'report.note_off', { group: sig.name }))],
        private: true,
      };
    }
    const now = ctx.now();
    const [pictures, noted] = await Promise.all([ctx.leads.pictures(mine, now), ctx.leads.noteGroups(ctx.user)]);
    const blocks: Block[] = [text(ctx.t('report.intro', { count: mine.length }))];
    for (const p of pictures) {
      const f = await ctx.leads.recentFunnel(p.group.id, now);
      const on = noted.includes(p.group.id);
      blocks.push(divider(), ...leadBlocks(p, ctx.t));
      blocks.push(
        text(
          ctx.t('report.funnel', {
            first: f.first_contact,
            picked: f.picked_group,
            claimed: f.claimed,
            opened: f.pr_opened,
            merged: f.pr_merged,
          }),
        ),
      );
      const label = ctx.t(on ? 'report.button_note_off' : 'report.button_note_on', { group: p.group.name });
      blocks.push(buttons([{ id: NOTE, label, value: `${on ? 'off' : 'on'}:${p.group.id}` }]));
    }
    return { blocks, private: true };
  },
};
