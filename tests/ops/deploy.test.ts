// The image recipe, compose file and Kubernetes manifests, parsed: probes, port, user, entry and env names are real.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { CONFIG_KEYS } from '../../src/config/schema.js';
import { PATHS } from '../../src/http/routes.js';

const read = (file: string) => readFileSync(file, 'utf8');
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
const buildConfig = JSON.parse(read('tsconfig.build.json')) as { compilerOptions: { outDir: string; rootDir: string } };
/** Where tsc puts src/main.ts: outDir + (path from rootDir). */
const COMPILED_ENTRY = `${buildConfig.compilerOptions.outDir}/src/main.js`;
const isConfigKey = (k: string) => (CONFIG_KEYS as readonly string[]).includes(k);

/** Dockerfile instructions by stage, continuation lines joined. */
function dockerStages(text: string) {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: { name: string; from: string; steps: [string, string][] }[] = [];
  for (const line of lines) {
    const [op, ...rest] = line.split(/\s+/);
    const arg = rest.join(' ');
    if (op === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(arg)!;
      stages.push({ from: m[1]!, name: m[2] ?? String(stages.length), steps: [] });
    } else stages.at(-1)?.steps.push([op!.toUpperCase(), arg]);
  }
  return stages;
}

describe('Dockerfile', () => {
  const stages = dockerStages(read('Dockerfile'));
  const runtime = stages.at(-1)!;
  const step = (op: string) => runtime.steps.filter(([o]) => o === op).map(([, a]) => a);

  it('builds with dev dependencies and runs with production dependencies only', () => {
    const build = stages.find((s) => s.steps.some(([op, a]) => op === 'RUN' && a.includes('npm run build')));
    expect(build?.steps.some(([op, a]) => op === 'RUN' && /npm ci(?! .*--omit)/.test(a))).toBe(true);
    const copied = step('COPY').filter((a) => a.startsWith('--from='));
    const nodeModulesFrom = copied.find((a) => a.includes('node_modules'))?.match(/--from=(\S+)/)?.[1];
    const deps = stages.find((s) => s.name === nodeModulesFrom)!;
    expect(deps.steps.some(([op, a]) => op === 'RUN' && a.includes('npm ci --omit=dev'))).toBe(true);
    expect(copied.some((a) => a.startsWith(`--from=${build!.name} /app/dist`))).toBe(true);
    expect(runtime.steps.some(([op, a]) => op === 'RUN' && /npm (ci|install)/.test(a))).toBe(false);
  });

  it('runs the compiled entry under an init process, as a user that is not root', () => {
    expect(JSON.parse(step('CMD')[0]!)).toEqual(['node', COMPILED_ENTRY]);
    expect(pkg.scripts['start:prod']).toBe(`node ${COMPILED_ENTRY}`);
    expect(JSON.parse(step('ENTRYPOINT')[0]!)[0]).toMatch(/tini$/);
    // dist/ is ESM: node needs package.json's "type": "module" beside it, and content/ for the NLU's files.
    expect(step('COPY')).toEqual(expect.arrayContaining(['package.json ./', 'content ./content']));
    const user = step('USER').at(-1)!;
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(user.split(':')[0]).not.toBe('0');
  });

  it('checks health with node on /healthz and the configured port, and keeps state in the /data volume', () => {
    const health = step('HEALTHCHECK')[0]!;
    expect(health).toContain('CMD ["node"');
    expect(health).toContain(PATHS.health);
    expect(health).not.toMatch(/curl|wget/);
    expect(step('ENV').join(' ')).toMatch(/DATABASE_URL=sqlite:\/data\//);
    expect(step('VOLUME')[0]).toContain('/data');
    for (const env of step('ENV')
      .join(' ')
      .matchAll(/([A-Z_]+)=/g))
      if (env[1] !== 'NODE_ENV') expect(isConfigKey(env[1]!)).toBe(true);
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as { services: Record<string, Record<string, unknown>> };
  const onramp = compose.services.onramp!;

  it('runs onramp on PostgreSQL from the compose file, with the compiled entry and a read-only root', () => {
    expect(compose.services.postgres).toBeDefined();
    const env = onramp.environment as Record<string, string>;
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    for (const key of Object.keys(env)) expect(isConfigKey(key)).toBe(true);
    expect(onramp.command).toEqual(['node', COMPILED_ENTRY]);
    expect(onramp.ports).toEqual([`${env.PORT}:${env.PORT}`]);
    expect(onramp.read_only).toBe(true);
    expect(String(onramp.user).split(':')[0]).not.toBe('0');
    expect((onramp.depends_on as Record<string, { condition: string }>).postgres!.condition).toBe('service_healthy');
  });
});

describe('Kubernetes manifests', () => {
  const docs = (file: string) => parseAllDocuments(read(`deploy/kubernetes/${file}`)).map((d) => d.toJSON());
  const deployment = docs('deployment.yaml')[0];
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const env = Object.fromEntries((container.env as { name: string; value: string }[]).map((e) => [e.name, e.value]));
  const portNamed = (name: string | number) =>
    typeof name === 'number' ? name : container.ports.find((p: { name: string }) => p.name === name)?.containerPort;

  it('runs two replicas of the compiled entry on PostgreSQL', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(container.command).toEqual(['node', COMPILED_ENTRY]);
    const secret = docs('secret.example.yaml')[0];
    expect(secret.stringData.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(container.envFrom[0].secretRef.name).toBe(secret.metadata.name);
  });

  it('probes /healthz for liveness and /readyz for readiness on the port the process listens on', () => {
    expect(container.livenessProbe.httpGet.path).toBe(PATHS.health);
    expect(container.readinessProbe.httpGet.path).toBe(PATHS.ready);
    expect(container.startupProbe.httpGet.path).toBe(PATHS.health);
    for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe])
      expect(portNamed(probe.httpGet.port)).toBe(Number(env.PORT));
  });

  it('uses only environment names the configuration knows', () => {
    for (const name of Object.keys(env)) expect(isConfigKey(name)).toBe(true);
    for (const name of Object.keys(docs('secret.example.yaml')[0].stringData)) expect(isConfigKey(name)).toBe(true);
  });

  it('runs as a user that is not root, read-only, with no capabilities and no privilege escalation', () => {
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
  });

  it('mounts every content file the bot loads from a ConfigMap at CONTENT_DIR', () => {
    const mount = container.volumeMounts.find((m: { mountPath: string }) => m.mountPath === env.CONTENT_DIR);
    const volume = pod.volumes.find((v: { name: string }) => v.name === mount.name);
    const paths = volume.configMap.items.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['community.yaml', 'faq.yaml', 'locales/en.json', 'locales/fr.json', 'sigs.yaml']);
  });

  it('routes the Service to the container port and keeps one pod through disruptions', () => {
    const service = docs('service.yaml')[0];
    const labels = pod.metadata?.labels ?? deployment.spec.template.metadata.labels;
    expect(portNamed(service.spec.ports[0].targetPort)).toBe(Number(env.PORT));
    expect(labels).toMatchObject(service.spec.selector);
    const pdb = docs('pdb.yaml')[0];
    expect(labels).toMatchObject(pdb.spec.selector.matchLabels);
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    const kustomization = docs('kustomization.yaml')[0];
    expect(kustomization.resources).toEqual(expect.arrayContaining(['deployment.yaml', 'service.yaml', 'pdb.yaml']));
  });
});
