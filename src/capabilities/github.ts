// `/github <login>`: the person's GitHub login, asked once, used only to notice their progress on claimed issues.
import { text } from '../core/blocks.js';
import { UserError } from '../core/errors.js';
import type { Capability } from '../core/capability.js';
import type { Github, GithubLogins } from './ports.js';
import { spendLiveCheck } from './shared/live-check.js';

/** GitHub's rule: 1 to 39 letters, digits or single inner hyphens. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const FORGET = new Set(['forget', 'oublier', 'oublie', 'remove', 'delete', 'supprimer']);

export const github: Capability<Github & GithubLogins> = {
  id: 'github',
  usage: '/github [login | forget]',
  command: [{ name: 'login' }],
  async run(input, ctx) {
    const typed = input.text.trim();
    if (!typed) {
      const { login } = await ctx.githubLogins.get(ctx.user);
      return { blocks: [text(login ? ctx.t('github.current', { login }) : ctx.t('github.none'))], private: true };
    }
    if (FORGET.has(typed.toLowerCase())) {
      await ctx.githubLogins.set(ctx.user, null, ctx.now());
      return { blocks: [text(ctx.t('github.forgotten'))], private: true };
    }
    const login = typed.replace(/^@/, '');
    if (!LOGIN.test(login)) throw new UserError('github.invalid', { value: typed.slice(0, 60) });
    spendLiveCheck(ctx);
    const exists = await ctx.github.userExists(login);
    if (exists === false) throw new UserError('github.not_found', { login });
    await ctx.githubLogins.set(ctx.user, login, ctx.now());
    const blocks = [text(ctx.t('github.saved', { login }))];
    if (exists === null) blocks.push(text(ctx.t('github.saved_unchecked')));
    return { blocks, private: true };
  },
};
