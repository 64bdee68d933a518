// Ranking SIGs for a person's interests: owners first with the words that matched, French, an imported sigs.yaml.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import type { Content } from '../../src/content/types.js';
import { createNlu } from '../../src/nlu/index.js';
import type { Nlu } from '../../src/nlu/types.js';
import { realContent } from '../helpers/deps.js';

let content: Content;
let nlu: Nlu;
beforeAll(async () => {
  content = await realContent();
  nlu = createNlu(content);
});
const top = (text: string, n = 3) => nlu.recommendSigs(text, n).map((r) => r.sigId);

describe('SIG recommendation', () => {
  it('ranks the group that owns what the person names first, with the words that matched as the reason', () => {
    const [best] = nlu.recommendSigs('I would like to work on kube-proxy and DNS', 3);
    expect(best!.sigId).toBe('sig-network');
    expect(best!.reasons).toEqual(expect.arrayContaining(['kube-proxy', 'DNS']));
  });

  it('knows components, APIs and tools of many groups', () => {
    expect(top('PersistentVolumeClaims and CSI drivers')[0]).toBe('sig-storage');
    expect(top('the kubelet, cgroups and container runtimes')[0]).toBe('sig-node');
    expect(top('kubectl plugins and kustomize')[0]).toBe('sig-cli');
    expect(top('HorizontalPodAutoscaler and the cluster autoscaler')[0]).toBe('sig-autoscaling');
    expect(top('RBAC, service account tokens and audit logs')[0]).toBe('sig-auth');
    expect(top('Prow jobs and flaky e2e tests')[0]).toBe('sig-testing');
    expect(top('translating the website into French')[0]).toBe('sig-docs');
    expect(top('taints, tolerations and pod preemption in the scheduler')[0]).toBe('sig-scheduling');
  });

  it('reads French interests too', () => {
    expect(top("j'aime le réseau")[0]).toBe('sig-network');
    expect(top('le stockage et les volumes')[0]).toBe('sig-storage');
  });

  it('can rank every group, and ranks a working group after a SIG that owns the same words', () => {
    const all = nlu.recommendSigs('dynamic resource allocation for GPUs and device plugins', 100);
    expect(all.length).toBeGreaterThan(3);
    const ids = all.map((r) => r.sigId);
    expect(ids.indexOf('sig-node')).toBeLessThan(ids.indexOf('wg-device-management'));
    expect(ids).toContain('wg-device-management');
  });

  it('offers nothing for words no group owns', () => {
    expect(nlu.recommendSigs('I like cooking and gardening', 3).filter((r) => r.reasons.length > 0)).toEqual([]);
    expect(nlu.recommendSigs('', 3)).toEqual([]);
  });

  it('uses an imported sigs.yaml: groups only the import knows are ranked from their mission and subprojects', async () => {
    const merged = await loadContent({ dir: 'content', sigsFile: 'tests/fixtures/kubernetes-sigs.yaml' });
    const withImport = createNlu(merged);
    const imported = merged.sigs.find((s) => !content.sigById.has(s.id));
    expect(imported?.id).toBe('sig-imported-only');
    expect(withImport.recommendSigs('anything about the imported only group?', 1)[0]?.sigId).toBe('sig-imported-only');
    // The imported subproject (only the import knows it) now leads to its group.
    expect(withImport.recommendSigs('brand-new-subproject', 1)[0]?.sigId).toBe('sig-network');
    expect(nlu.recommendSigs('brand-new-subproject', 1)[0]?.sigId).not.toBe('sig-network');
  });
});
