import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capabilities } from '../../src/capabilities/index.js';
import { placeholders } from '../../src/core/i18n.js';

const en: Record<string, string> = JSON.parse(readFileSync('content/locales/en.json', 'utf8'));
const fr: Record<string, string> = JSON.parse(readFileSync('content/locales/fr.json', 'utf8'));

describe('locales', () => {
  it('have the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders for each key', () => {
    const differ = Object.keys(en).filter((k) => placeholders(en[k]!).join() !== placeholders(fr[k] ?? '').join());
    expect(differ).toEqual([]);
  });

  it('describe every command for help (and Discord command descriptions)', () => {
    for (const c of capabilities.filter((x) => x.command !== false)) {
      expect(en[`help.${c.id}`], c.id).toBeTruthy();
      expect(fr[`help.${c.id}`], c.id).toBeTruthy();
    }
  });

  it('are really French in fr.json (no English left behind)', () => {
    const same = Object.keys(en).filter((k) => en[k] === fr[k] && en[k]!.split(' ').length > 3);
    expect(same).toEqual([]);
  });
});
