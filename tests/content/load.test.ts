// Loading content/: the bundled SIGs validate, a malformed file is named with its path, SIGS_FILE imports merge.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { findSig } from '../../src/content/find-sig.js';
import { mergeCatalogues } from '../../src/content/merge.js';
import type { Sig } from '../../src/content/types.js';
import { problemsOf } from '../helpers/content.js';

function copyContent(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onramp-content-'));
  cpSync('content', dir, { recursive: true });
  return dir;
}

describe('bundled content', () => {
  it('validates and describes the Kubernetes SIGs, working groups and committees', async () => {
    const content = await loadContent({ dir: 'content' });
    const ids = content.sigs.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining(['sig-network', 'sig-node', 'sig-docs', 'wg-batch', 'committee-steering']),
    );
    for (const sig of content.sigs) {
      expect(sig.description.en.length, sig.id).toBeGreaterThan(40);
      expect(sig.description.fr?.length ?? 0, sig.id).toBeGreaterThan(40);
    }
    expect(content.sigById.get('sig-network')?.labels).toEqual(['sig/network']);
  });

  it('finds a SIG by id, short id, name or label', async () => {
    const content = await loadContent({ dir: 'content' });
    for (const typed of ['sig-network', 'network', 'Network', 'sig/network', '#sig-network']) {
      expect(findSig(content, typed)?.id, typed).toBe('sig-network');
    }
    expect(findSig(content, 'nonsense')).toBeUndefined();
  });
});

describe('malformed content', () => {
  it('names the file and the path of an unknown key', async () => {
    const dir = copyContent();
    const file = path.join(dir, 'sigs.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  name: Network\n', '  name: Network\n  colour: blue\n'));
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/sigs\.yaml: sigs\[\d+\]: unknown key "colour"/);
  });

  it('names the file and the path of a missing key', async () => {
    const dir = copyContent();
    const file = path.join(dir, 'community.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}codeOfConduct:.*\n/m, ''));
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/community\.yaml: links\.codeOfConduct: /)]);
  });

  it('reports broken YAML with its line', async () => {
    const dir = copyContent();
    writeFileSync(path.join(dir, 'faq.yaml'), 'faq:\n  - id: x\n   bad: [\n');
    expect((await problemsOf(dir))[0]).toMatch(/faq\.yaml:\d+:\d+ invalid YAML/);
  });

  it("reports a French message with different placeholders; one a community leaves out reads onramp's own", async () => {
    const dir = copyContent();
    const file = path.join(dir, 'locales/fr.json');
    const fr = JSON.parse(readFileSync(file, 'utf8'));
    delete fr['help.intro'];
    fr['sig.joined'] = 'Vous avez rejoint {nom}';
    writeFileSync(file, JSON.stringify(fr));
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/fr\.json: sig\.joined: placeholders differ/)]);
    // A community's locales/ overlays onramp's catalogues: what it leaves out is onramp's wording.
    delete fr['sig.joined'];
    writeFileSync(file, JSON.stringify(fr));
    expect((await loadContent({ dir })).locales.fr!['help.intro']).toBe('Voici ce que je sais faire :');
  });
});

describe('SIGS_FILE import', () => {
  it('merges a Kubernetes-format sigs.yaml: curated fields win, lists are joined, new groups are added', async () => {
    const content = await loadContent({ dir: 'content', sigsFile: 'tests/fixtures/kubernetes-sigs.yaml' });
    const network = content.sigById.get('sig-network')!;
    expect(network.name).toBe('Network');
    expect(network.description.en).not.toContain('Imported mission');
    expect(network.mission).toContain('Imported mission');
    expect(network.leads.map((l) => l.github)).not.toContain('imported-chair');
    expect(network.subprojects.find((s) => s.name === 'brand-new-subproject')?.repos).toEqual([
      'kubernetes-sigs/brand-new',
    ]);
    const added = content.sigById.get('sig-imported-only')!;
    expect(added.labels).toEqual(['sig/imported-only']);
    expect(added.description.en).toBe('A group the curated catalogue does not have.');
    expect(content.sigById.get('wg-example')?.kind).toBe('wg');
  });

  it('takes leads and meetings from the import when the curated entry has none', () => {
    const curated: Sig = {
      id: 'sig-x',
      kind: 'sig',
      name: 'X',
      description: { en: 'curated' },
      keywords: ['a'],
      labels: [],
      channels: {},
      leads: [],
      meetings: [],
      subprojects: [],
    };
    const imported: Sig = {
      ...curated,
      name: 'X imported',
      keywords: ['b'],
      labels: ['sig/x'],
      leads: [{ name: 'Lead', github: 'lead' }],
      meetings: [{ description: 'Regular', day: 'Monday', time: '10:00', timezone: 'UTC', frequency: 'weekly' }],
    };
    const [merged] = mergeCatalogues([curated], [imported]);
    expect(merged!.name).toBe('X');
    expect(merged!.keywords).toEqual(['a', 'b']);
    expect(merged!.labels).toEqual(['sig/x']);
    expect(merged!.leads).toEqual([{ name: 'Lead', github: 'lead' }]);
    expect(merged!.meetings).toHaveLength(1);
  });

  it('reports an unreadable import naming SIGS_FILE', async () => {
    await expect(loadContent({ dir: 'content', sigsFile: 'tests/fixtures/missing.yaml' })).rejects.toThrow(
      /SIGS_FILE .*not found/,
    );
  });

  it('refuses to download a catalogue far larger than any sigs.yaml', async () => {
    const { createServer } = await import('node:http');
    const { downloadText, MAX_SIGS_FILE_BYTES } = await import('../../src/content/load.js');
    const big = Buffer.alloc(64 * 1024, 'a');
    const server = createServer((_req, res) => {
      // No content-length: the limit must hold while reading, not only from the header.
      let sent = 0;
      const more = () => {
        while (sent <= MAX_SIGS_FILE_BYTES) {
          sent += big.length;
          if (!res.write(big)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as import('node:net').AddressInfo;
    await expect(downloadText(`http://127.0.0.1:${port}/sigs.yaml`)).rejects.toThrow(/larger than/);
    server.closeAllConnections();
    server.close();
  });

  it('fetches only https URLs', async () => {
    await expect(loadContent({ dir: 'content', sigsFile: 'http://example.com/sigs.yaml' })).rejects.toThrow(
      /only https/,
    );
    const fetched: string[] = [];
    const content = await loadContent({
      dir: 'content',
      sigsFile: 'https://example.com/sigs.yaml',
      fetchText: async (url) => {
        fetched.push(url);
        return readFileSync('tests/fixtures/kubernetes-sigs.yaml', 'utf8');
      },
    });
    expect(fetched).toEqual(['https://example.com/sigs.yaml']);
    expect(content.sigById.has('sig-imported-only')).toBe(true);
  });
});
