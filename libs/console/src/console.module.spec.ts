import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConsoleBuildMissingError, consoleDir } from './console-build';
import { ConsoleModule } from './console.module';

const INDEX = '<!doctype html><div id="root"></div>';

describe('a process serving a built console', () => {
  let dir: string;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-build-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await NestFactory.create(ConsoleModule.forRoot({ dir }), { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers index.html at /console/', async () => {
    const response = await fetch(`${base}/console/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers index.html for a deep link under /console', async () => {
    const response = await fetch(`${base}/console/alerts/A-1/explanation`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
  });

  it('serves the hashed assets, cached for good', async () => {
    const response = await fetch(`${base}/console/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves every other path to the rest of the process', async () => {
    expect((await fetch(`${base}/alerts`)).status).toBe(404);
  });
});

describe('a process whose console is not built', () => {
  it('stops at start naming the missing file and the command that builds it', () => {
    const dir = join(tmpdir(), 'no-console-here');
    expect(() => ConsoleModule.forRoot({ dir })).toThrow(ConsoleBuildMissingError);
    expect(() => ConsoleModule.forRoot({ dir })).toThrow(/index\.html.*npm run build:console/s);
  });
});

describe('where the console is looked for', () => {
  it.each([
    [{}, '/srv/app', '/srv/app/dist/console'],
    [{ CONSOLE_DIR: 'web' }, '/srv/app', '/srv/app/web'],
    [{ CONSOLE_DIR: '/opt/console' }, '/srv/app', '/opt/console'],
  ])('with %j from %s: %s', (env, cwd, expected) => {
    expect(consoleDir(env, cwd)).toBe(expected);
  });
});
