// The SIG catalogue as suggestions a person can pick while typing (Discord autocomplete), from memory.
import type { Suggestion } from '../core/commands.js';
import type { Content } from './types.js';

export function sigSuggestions(content: Content): Suggestion[] {
  return content.sigs.map((s) => ({ value: s.id, label: `${s.name} (${s.id})`, terms: [...s.keywords, ...s.labels] }));
}
