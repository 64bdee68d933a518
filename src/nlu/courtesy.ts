// Recognises a message that is only a thank-you or a greeting, so the bot answers it like a person would.

export type Courtesy = 'thanks' | 'greeting';

const SOFT = '(?:ok|okay|great|awesome|perfect|super|cool|nice|ah|oh|wow|parfait|genial|top|de accord)';
const THANKS = '(?:thanks?(?: you)?|thank u|thx|ty|tysm|cheers|many thanks|merci|je vous remercie|je te remercie)';
const HELLO = '(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou|hola)';
const TAIL =
  '(?:a lot|so much|very much|again|beaucoup|bien|encore|infiniment|mille fois|everyone|all|folks|there|team|bot|onramp|@user|a tous|a toutes|tout le monde|l equipe)';
const END = '[\\s!.?,:;)(\\-]*';

const THANKS_ONLY = new RegExp(`^(?:${SOFT}[\\s,!]+)?${THANKS}(?:[\\s,]+${TAIL})*${END}$`);
const HELLO_ONLY = new RegExp(`^(?:@user\\s+)?${HELLO}(?:[\\s,]+${TAIL})*${END}$`);

/** `spelled` is the output of cleanForUnderstanding: lowercase, accents removed, links and mentions neutral. */
export function courtesyOf(spelled: string): Courtesy | undefined {
  const text = spelled.trim().replace(/\s+/g, ' ');
  if (text.length > 60) return undefined;
  if (THANKS_ONLY.test(text)) return 'thanks';
  if (HELLO_ONLY.test(text)) return 'greeting';
  return undefined;
}
