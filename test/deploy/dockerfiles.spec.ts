// deploy/docker/*.Dockerfile, linted without a Docker engine. hadolint is in neither Debian nor
// npm, so this is a small lint of its own for what the issue asks of the images (documented in
// deploy/README.md): multi-stage, pinned bases, a non-root runtime user, a HEALTHCHECK, EXPOSE,
// an exec-form ENTRYPOINT on the build output, apt hygiene, and every COPY source present in the
// build context after .dockerignore. Where hadolint is on PATH it runs as well.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nodeFlagsOf } from '../support/service-node-flags';
import { DEPLOY, REPO_ROOT, available, run } from './tools';

interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly line: number;
}

/** Instructions of a Dockerfile: comments dropped, continuation lines joined. */
function instructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  let pending = '';
  let start = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) return;
    if (pending !== '' && line.startsWith('#')) return;
    if (pending === '') start = index + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      return;
    }
    const full = `${pending}${line}`.trim();
    pending = '';
    const match = /^(\S+)\s*(.*)$/s.exec(full);
    if (match?.[1] !== undefined)
      result.push({ keyword: match[1].toUpperCase(), args: match[2] ?? '', line: start });
  });
  return result;
}

/** .dockerignore as Docker reads it: patterns in order, `!` re-includes, the last match wins. */
function dockerIgnore(): (path: string) => boolean {
  const patterns = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const include = l.startsWith('!');
      const body = (include ? l.slice(1) : l).replace(/^\/+|\/+$/g, '');
      const source = body
        .split('/')
        .map((part) =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return { include, regex: new RegExp(`^${source}(?:/.*)?$`) };
    });
  return (path) => {
    let excluded = false;
    for (const { include, regex } of patterns) if (regex.test(path)) excluded = !include;
    return excluded;
  };
}

const DOCKER = join(DEPLOY, 'docker');
const dockerfiles = readdirSync(DOCKER)
  .filter((f) => f.endsWith('.Dockerfile'))
  .sort();
const SERVICES = ['ingestion', 'risk-engine', 'alerting', 'audit-api', 'standalone'];

describe('the Dockerfiles', () => {
  it('exist for the four services and the standalone system', () => {
    expect(dockerfiles).toEqual(SERVICES.map((s) => `${s}.Dockerfile`).sort());
  });

  describe.each(dockerfiles)('%s', (file) => {
    const text = readFileSync(join(DOCKER, file), 'utf8');
    const all = instructions(text);
    const stages = all.reduce<Instruction[][]>((acc, i) => {
      if (i.keyword === 'FROM') acc.push([i]);
      else acc[acc.length - 1]?.push(i);
      return acc;
    }, []);
    const runtime = stages[stages.length - 1] ?? [];
    const stageNames = all
      .filter((i) => i.keyword === 'FROM')
      .map((i) => /\bAS\s+(\S+)/i.exec(i.args)?.[1]?.toLowerCase())
      .filter((n): n is string => n !== undefined);
    const service = file.replace(/\.Dockerfile$/, '');

    it('is multi-stage, every base image pinned to a version (node:20 on Debian bookworm-slim)', () => {
      expect(stages.length).toBeGreaterThanOrEqual(3);
      for (const from of all.filter((i) => i.keyword === 'FROM')) {
        const image = from.args.split(/\s+/)[0] ?? '';
        if (stageNames.includes(image.toLowerCase())) continue;
        expect(image).toMatch(/^node:20\.\d+\.\d+-bookworm-slim(@sha256:[0-9a-f]{64})?$/);
      }
    });

    it('runs as a non-root user with a health check, an exposed port and an exec-form entrypoint', () => {
      const last = (keyword: string) => runtime.filter((i) => i.keyword === keyword).pop();
      expect(last('USER')?.args).toMatch(/^(?!root\b|0\b)\S+$/);
      expect(last('HEALTHCHECK')?.args).toMatch(/--interval=\S+.*CMD \[/);
      expect(last('EXPOSE')?.args).toMatch(/^\d+$/);
      const entrypoint = JSON.parse(last('ENTRYPOINT')?.args ?? 'null') as string[];
      expect(entrypoint[0]).toBe('node');
      // The compiled main of the service, as its Nx build writes it (dist/<service>/...).
      expect(entrypoint[entrypoint.length - 1]).toBe(`dist/services/${service}/src/main.js`);
      // The V8 flags the tests and benchmarks start the service with (service-node-flags.ts).
      expect(entrypoint.slice(1, -1)).toEqual([
        '--enable-source-maps',
        ...nodeFlagsOf(`services/${service}/src/main.ts`),
      ]);
      expect(
        runtime.find((i) => i.keyword === 'COPY' && i.args.includes(`/app/dist/${service} `)),
      ).toBeDefined();
    });

    it('builds with the Nx build target of a service that has one', () => {
      const build = all.find((i) => i.keyword === 'RUN' && i.args.includes('nx run'));
      const project = /nx run (\S+):build/.exec(build?.args ?? '')?.[1];
      const projectJson = join(REPO_ROOT, 'services', service, 'project.json');
      const problems: string[] = [];
      if (project === undefined) problems.push('no RUN of `nx run <project>:build`');
      if (!existsSync(projectJson)) {
        problems.push(
          `services/${service}/project.json does not exist: the service is not created yet`,
        );
      } else {
        const config = JSON.parse(readFileSync(projectJson, 'utf8')) as {
          name: string;
          targets: Record<string, { options?: { commands?: string[] } }>;
        };
        if (config.name !== project)
          problems.push(`the Dockerfile builds ${project}, services/${service} is ${config.name}`);
        if (!config.targets['build']?.options?.commands?.join(' ').includes(`dist/${service}`))
          problems.push(
            `services/${service}/project.json has no build target writing dist/${service} (deploy/README.md, "Build output")`,
          );
      }
      if (!existsSync(join(REPO_ROOT, 'services', service, 'src', 'main.ts')))
        problems.push(`services/${service}/src/main.ts does not exist yet`);
      expect(problems).toEqual([]);
    });

    it('installs Debian packages without recommends and leaves no apt lists behind', () => {
      for (const i of all.filter((i) => i.keyword === 'RUN' && /apt-get install/.test(i.args))) {
        expect(i.args).toContain('--no-install-recommends');
        expect(i.args).toContain('rm -rf /var/lib/apt/lists/*');
      }
      expect(all.filter((i) => i.keyword === 'ADD')).toEqual([]);
      for (const i of all.filter((i) => i.keyword === 'WORKDIR')) expect(i.args).toMatch(/^\//);
    });

    it('copies only what the build context holds after .dockerignore', () => {
      const ignored = dockerIgnore();
      for (const copy of all.filter((i) => i.keyword === 'COPY' && !i.args.includes('--from'))) {
        const parts = copy.args.split(/\s+/).filter((p) => !p.startsWith('--'));
        for (const source of parts.slice(0, -1)) {
          const path = join(REPO_ROOT, source);
          const rel = relative(REPO_ROOT, path);
          expect({ source, exists: existsSync(path), ignored: ignored(rel) }).toEqual({
            source,
            exists: true,
            ignored: false,
          });
        }
      }
    });
  });

  it("npm start runs the standalone system with its image's V8 flags", () => {
    const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const options = /^NODE_OPTIONS="([^"]*)" ts-node /.exec(scripts['start'] ?? '')?.[1] ?? '';
    expect(options.split(' ').filter((flag) => flag.startsWith('--'))).toEqual(
      nodeFlagsOf('services/standalone/src/main.ts'),
    );
  });

  it('lint clean with hadolint, where it is installed (it is in neither Debian nor npm)', () => {
    if (!available('hadolint')) return;
    for (const file of dockerfiles) {
      const result = run('hadolint', [join(DOCKER, file)]);
      expect({ file, status: result.status, output: result.transcript }).toMatchObject({
        status: 0,
      });
    }
  });
});

describe('.dockerignore', () => {
  it('keeps dependencies, build output and local data out of the build context', () => {
    const ignored = dockerIgnore();
    for (const path of [
      'node_modules/x',
      'libs/a/node_modules/y',
      'dist/ingestion',
      'data/events.db',
    ])
      expect([path, ignored(path)]).toEqual([path, true]);
    for (const path of ['libs/risk/src/index.ts', 'deploy/policy/risk-policy.yaml', 'package.json'])
      expect([path, ignored(path)]).toEqual([path, false]);
    expect(ignored('libs/risk/src/x.spec.ts')).toBe(true);
    expect(ignored('deploy/k8s/base/kustomization.yaml')).toBe(true);
  });
});
