// 10,000 random and hostile console lines: no crash, one answer per line, no control characters echoed.
import { describe, expect, it } from 'vitest';
import { exchanges, runConsole } from '../helpers/console.js';

/** Deterministic pseudo-random lines: huge, binary, emoji, markup, mentions, control sequences. */
function hostileLines(count: number): string[] {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const samples = [
    () => 'a'.repeat(100_000),
    () => String.fromCharCode(...Array.from({ length: 200 }, () => Math.floor(rand() * 65_536))),
    () => '🚀🔥'.repeat(500) + ' how do I contribute?',
    () => '<!channel> <!here> @everyone <@U123> **[x](javascript:alert(1))** `' + '_'.repeat(300),
    () => '\u001b[31mred\u001b[0m \u0000\u0007 /sig \u202e',
    () => `/${'x'.repeat(5000)} ${'y'.repeat(5000)}`,
    () => `/sig ${'[('.repeat(20_000)}`,
    () => `${Math.floor(rand() * 100)}`,
    () =>
      'je veux contribuer mais I only know Go et un peu de Rust #12 kubernetes/kubernetes#999999 https://evil.example/x',
  ];
  return Array.from({ length: count }, () => samples[Math.floor(rand() * samples.length)]!());
}

describe('hostile input', () => {
  it('10,000 random and hostile lines: no crash, one answer per non-empty line, no control characters echoed', async () => {
    const lines = hostileLines(10_000);
    const transcript = await runConsole(lines);
    const turns = exchanges(transcript);
    // Random binary may hold line breaks: count the lines as the terminal reader sees them.
    const typed = lines
      .join('\n')
      .split(/\r\n|\n|\r/)
      .filter((l) => l.trim());
    expect(turns.length).toBe(typed.length);
    expect(transcript).not.toMatch(/\u001b\[/);
    expect(transcript).not.toMatch(/Sorry, something went wrong/);
  }, 120_000);
});
