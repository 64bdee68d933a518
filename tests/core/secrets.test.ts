// Secret scrubbing: every kind of credential the bot handles is removed from text, and ordinary text is left alone.
import { describe, expect, it } from 'vitest';
import { scrubSecrets } from '../../src/core/secrets.js';

describe('secret scrubbing', () => {
  it('removes every kind of credential the bot handles, and keeps the rest of the text', () => {
    const samples = [
      'xoxb-1234-5678-abcdefghijkl',
      'xapp-1-A0B1C2-123-abcdef',
      'https://hooks.slack.com/commands/T1/123/abc',
      'ghp_0123456789abcdefghijABCDEFGHIJ',
      'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
      'MTA5ODc2NTQzMjEwOTg3NjU0.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789',
      'https://discord.com/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5/callback',
      'Bearer abcdefghijklmnopqrstuvwx',
    ];
    for (const secret of samples) {
      const out = scrubSecrets(`failed with ${secret} while answering`);
      expect(out, secret).toMatch(/^failed with .*\[redacted\].* while answering$/);
      expect(out, secret).not.toContain(secret);
    }
  });

  it('leaves ordinary text alone', () => {
    const text = 'kubernetes/kubernetes#123 failed: HTTP 500 after 3 tries (token bucket empty)';
    expect(scrubSecrets(text)).toBe(text);
  });
});
