// The explicit, ordered list of what the bot can do; help and command definitions come from it.
import type { Capability } from '../core/capability.js';
import { choose } from './choose.js';
import { claim } from './claim.js';
import { contribute } from './contribute.js';
import { digest } from './digest.js';
import { faq } from './faq.js';
import { github } from './github.js';
import { help } from './help.js';
import { home } from './home.js';
import { issues } from './issues.js';
import { language } from './language.js';
import { privacy } from './privacy.js';
import { report } from './report.js';
import { mentor } from './mentor.js';
import { sig } from './sig.js';
import { welcome } from './welcome.js';

/** By id: src/wiring gives each the ports its type declares (a capability added here and not wired fails the type check). */
export const registry = {
  contribute,
  sig,
  issues,
  claim,
  mentor,
  github,
  digest,
  faq,
  language,
  privacy,
  report,
  help,
  welcome,
  home,
  choose,
} as const;

export type Registry = typeof registry;

/** The order help lists them in and routing tries them: the registry's own order. */
export const capabilities: readonly Capability<never>[] = Object.values(registry);
