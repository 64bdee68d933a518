// A synthetic community for the digest benches: SIGs from the real catalogue, issues and subscribers at scale.
import type { Content } from '../src/content/types.js';
import type { DigestIssue } from '../src/digest/issue-source.js';
import type { Locale } from '../src/core/types.js';
import type { DmRecipient } from '../src/store/digests.js';

/** A small deterministic generator, so every run benchmarks the same world. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function narrow(content: Content, sigCount: number): Content {
  const sigs = content.sigs.slice(0, sigCount);
  return { ...content, sigs, sigById: new Map(sigs.map((s) => [s.id, s])) };
}

export interface World {
  issues: DigestIssue[];
  recipients: DmRecipient[];
  /** Half the subscribers already had a digest a week ago; the others get their first one. */
  cutoffs: Map<string, Date>;
}

export function buildWorld(
  content: Content,
  options: { issues: number; subscribers: number; now: Date; seed?: number; platforms?: string[] },
): World {
  const rnd = random(options.seed ?? 7);
  const sigIds = content.sigs.map((s) => s.id);
  const pick = () => sigIds[Math.floor(rnd() * sigIds.length)]!;
  const day = 86_400_000;
  const labels = content.community.github.labels;
  const languages = ['Go', 'Python', 'TypeScript', 'Shell', null];
  const issues: DigestIssue[] = Array.from({ length: options.issues }, (_, i) => {
    const n = 1000 + i;
    const sigs = rnd() < 0.2 ? [pick(), pick()] : [pick()];
    return {
      key: `kubernetes/repo-${i % 40}#${n}`,
      owner: 'kubernetes',
      repo: `repo-${i % 40}`,
      number: n,
      title: `Improve the ${['docs', 'tests', 'logging', 'errors', 'flags'][i % 5]} of component ${i} so newcomers can follow it`,
      url: `https://github.com/kubernetes/repo-${i % 40}/issues/${n}`,
      sigIds: [...new Set(sigs)],
      labels: [labels[Math.floor(rnd() * labels.length)]!],
      language: languages[i % languages.length]!,
      claimableSince: new Date(options.now.getTime() - Math.floor(rnd() * 28 * day)),
    };
  });
  const platforms = options.platforms ?? ['slack'];
  const recipients: DmRecipient[] = [];
  const cutoffs = new Map<string, Date>();
  for (let i = 0; i < options.subscribers; i++) {
    const platform = platforms[i % platforms.length]!;
    const follows = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 4) }, pick))];
    const locale: Locale | null = rnd() < 0.3 ? 'fr' : rnd() < 0.5 ? 'en' : null;
    const r = { platform, workspaceId: platform === 'slack' ? 'T1' : 'G1', userId: `U${i}`, locale, sigIds: follows };
    recipients.push(r);
    if (i % 2 === 0)
      cutoffs.set(`${platform}/${r.workspaceId}/@${r.userId}`, new Date(options.now.getTime() - 7 * day));
  }
  return { issues, recipients, cutoffs };
}
