// Reading issue references: #n, owner/repo#n, GitHub URLs, Slack-wrapped links, Enterprise hosts, look-alikes.
import { describe, expect, it } from 'vitest';
import { extractIssueRefs } from '../../src/nlu/issue-refs.js';

const refs = (text: string, hosts?: string[]) =>
  extractIssueRefs(text, hosts ? { hosts } : {}).issues.map(({ raw, ...r }) => r);

describe('issue references', () => {
  it('reads #123, owner/repo#123 and GitHub issue and pull URLs', () => {
    expect(refs('I want to work on #123')).toEqual([{ number: 123, kind: 'unknown' }]);
    expect(refs('can I take kubernetes/kubernetes#98765?')).toEqual([
      { owner: 'kubernetes', repo: 'kubernetes', number: 98765, kind: 'unknown' },
    ]);
    expect(refs('https://github.com/kubernetes-sigs/kind/issues/42#issuecomment-1')).toEqual([
      { owner: 'kubernetes-sigs', repo: 'kind', number: 42, kind: 'issue' },
    ]);
    expect(refs('see https://github.com/kubernetes/website/pull/7.')).toEqual([
      { owner: 'kubernetes', repo: 'website', number: 7, kind: 'pull' },
    ]);
  });

  it('reads numbers up to what a claim can store (2^31 - 1), and nothing larger', () => {
    expect(refs('kubernetes/website#2147483647')).toEqual([
      { owner: 'kubernetes', repo: 'website', number: 2147483647, kind: 'unknown' },
    ]);
    expect(refs('kubernetes/website#2147483648 and #9999999999')).toEqual([]);
    expect(refs('https://github.com/kubernetes/website/issues/9999999999')).toEqual([]);
  });

  it('reads Slack-wrapped links', () => {
    expect(refs('<https://github.com/a/b/issues/5|a/b#5>')).toEqual([
      { owner: 'a', repo: 'b', number: 5, kind: 'issue' },
    ]);
  });

  it('keeps look-alike and non-GitHub URLs apart, unfetched', () => {
    const found = extractIssueRefs('https://github.com.evil.example/a/b/issues/1 and http://169.254.169.254/latest');
    expect(found.issues).toEqual([]);
    expect(found.otherUrls).toEqual(['https://github.com.evil.example/a/b/issues/1', 'http://169.254.169.254/latest']);
  });

  it('accepts a configured GitHub Enterprise host', () => {
    expect(refs('https://git.example.com/o/r/issues/3', ['git.example.com'])).toEqual([
      { owner: 'o', repo: 'r', number: 3, kind: 'issue' },
    ]);
  });

  it('ignores things that only look like references', () => {
    expect(refs('color #fff, C# and F#, issue #0, step#2, #12345678901')).toEqual([]);
  });

  it('deduplicates and caps the number of references', () => {
    expect(refs('#1 #1 #2')).toHaveLength(2);
    expect(refs(Array.from({ length: 50 }, (_, i) => `#${i + 1}`).join(' '))).toHaveLength(10);
  });
});
