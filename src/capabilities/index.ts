// The explicit, ordered list of what the bot can do; help and command definitions come from it.
import type { Capability } from '../core/capability.js';
import { createChoose } from './choose.js';
import { claim } from './claim.js';
import { contribute } from './contribute.js';
import { digest } from './digest.js';
import { faq } from './faq.js';
import { github } from './github.js';
import { createHelp } from './help.js';
import { createHome } from './home.js';
import { issues } from './issues.js';
import { language } from './language.js';
import { sig } from './sig.js';
import { welcome } from './welcome.js';

export const capabilities: readonly Capability[] = [
  contribute,
  sig,
  issues,
  claim,
  github,
  digest,
  faq,
  language,
  createHelp(() => capabilities),
  welcome,
  createHome(() => capabilities),
  createChoose(() => capabilities),
];
