// Chat's allowance of live GitHub checks per person, shared by `/github` and claiming.
import type { Ctx } from '../../core/capability.js';
import { UserError } from '../../core/errors.js';
import type { Github } from '../ports.js';

/** Counts a live GitHub check for this person, or tells them how long to wait (the per-person budget). */
export function spendLiveCheck(ctx: Ctx<Github>): void {
  const wait = ctx.github.liveCheck(`${ctx.user.platform}:${ctx.user.workspaceId}:${ctx.user.userId}`, ctx.now());
  if (wait > 0) throw new UserError('github.slow_down', { seconds: wait });
}
