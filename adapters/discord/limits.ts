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
