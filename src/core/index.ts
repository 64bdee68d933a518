// The core's public surface: all that adapters may import.
export * from './types.js';
export * from './blocks.js';
export { blockToPlain, clip, replyToPlain, stripControl } from './plain.js';
export { escapeMarkup, markupToPlain, parseMarkup, safeUrl, type MarkupToken } from './markup.js';
export { toLocale } from './i18n.js';
export { scrubSecrets } from './secrets.js';
export { createTracker, DRAIN_MS, type Tracker } from './tracker.js';
export { within } from './deadline.js';
export * from './commands.js';
export { createAdmission, type Admission, type AdmissionOptions, type DropReason } from './admission.js';
