// Discord's message limits in one place; the renderer keeps under them and the fake Discord enforces them.

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  optionText: 100,
  placeholder: 150,
  customId: 100,
  autocompleteChoices: 25,
  choiceText: 100,
  commandDescription: 100,
} as const;

/** The most messages one reply may become before the rest is trimmed: a reply must not flood a channel. */
export const MAX_MESSAGES_PER_REPLY = 5;

/** Cuts to `max` characters (code points kept whole) with a visible ellipsis when anything was cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
