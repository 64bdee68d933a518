// Small constructors for replies, so capabilities read as what they say rather than object literals.
import type { Block, Button, ChoiceOption, Field, LinkedItem, Reply } from './types.js';

export const text = (markup: string): Block => ({ type: 'text', text: markup });
export const items = (list: LinkedItem[]): Block => ({ type: 'items', items: list });
export const fields = (list: Field[]): Block => ({ type: 'fields', fields: list });
export const choice = (id: string, placeholder: string, options: ChoiceOption[]): Block => ({
  type: 'choice',
  id,
  placeholder,
  options,
});
export const buttons = (list: Button[]): Block => ({ type: 'buttons', buttons: list });
export const divider = (): Block => ({ type: 'divider' });

export const reply = (...blocks: Block[]): Reply => ({ blocks });
export const privateReply = (...blocks: Block[]): Reply => ({ blocks, private: true });
