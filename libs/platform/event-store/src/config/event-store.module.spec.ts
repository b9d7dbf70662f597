import 'reflect-metadata';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Metrics, ObservabilityModule } from '@churn/observability';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventStoreModule } from './event-store.module';
import type { EventStoreSettings } from './event-store-settings';

const startWith = async (settings: EventStoreSettings): Promise<INestApplicationContext> => {
  @Module({ imports: [ObservabilityModule, EventStoreModule.forRoot(settings)] })
  class TestApplication {}
  return NestFactory.createApplicationContext(TestApplication, { logger: false });
};

const sample = (exposition: string, series: string): number | undefined => {
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('a process on the embedded store, scraped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-module-'));
  let app: INestApplicationContext;

  beforeAll(async () => {
    app = await startWith({ kind: 'embedded', path: join(dir, 'data', 'events.db') });
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the size and the free bytes of the filesystem holding events.db, as statfs reads it', async () => {
    const text = await app.get(Metrics).exposition();
    const fs = await statfs(join(dir, 'data'));
    expect(text).toContain('# TYPE event_store_disk_bytes gauge');
    const total = sample(text, 'event_store_disk_bytes{kind="total"}');
    const available = sample(text, 'event_store_disk_bytes{kind="available"}');
    expect(total).toBe(fs.blocks * fs.bsize);
    // Other processes write to the same disk between the two reads: a few MiB either way.
    expect(Math.abs((available ?? 0) - fs.bavail * fs.bsize)).toBeLessThan(64 * 1024 * 1024);
    expect(available).toBeGreaterThan(0);
    expect(available).toBeLessThanOrEqual(total ?? 0);
  });

  it('reads the disk again at every scrape: 128 MiB written show as less available', async () => {
    const metrics = app.get(Metrics);
    const available = async () =>
      sample(await metrics.exposition(), 'event_store_disk_bytes{kind="available"}') ?? 0;
    const before = await available();
    const fd = openSync(join(dir, 'data', 'ballast'), 'w');
    try {
      const chunk = Buffer.alloc(1024 * 1024, 1);
      for (let i = 0; i < 128; i++) writeSync(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    expect(before - (await available())).toBeGreaterThan(64 * 1024 * 1024);
  });
});

describe('a process whose data directory was removed under it', () => {
  it('drops the disk series instead of failing the scrape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-store-module-'));
    const app = await startWith({ kind: 'embedded', path: join(dir, 'data', 'events.db') });
    try {
      expect(await app.get(Metrics).exposition()).toMatch(/^event_store_disk_bytes\{/m);
      rmSync(dir, { recursive: true, force: true });
      const text = await app.get(Metrics).exposition();
      expect(text).toContain('# TYPE event_store_disk_bytes gauge');
      expect(text).not.toMatch(/^event_store_disk_bytes\{/m);
    } finally {
      await app.close();
    }
  });
});

describe('a process on EventStoreDB, scraped', () => {
  it('has no embedded-store disk series: the server reports its own disks', async () => {
    // The client connects lazily: nothing is sent to this address unless the store is used.
    const app = await startWith({ kind: 'eventstoredb', url: 'esdb://127.0.0.1:1?tls=false' });
    try {
      expect(await app.get(Metrics).exposition()).not.toContain('event_store_disk_bytes');
    } finally {
      await app.close();
    }
  });
});
