import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { branchMessages } from '../branch/branch-messages';
import { simulateBranch } from '../branch/simulate-branch';
import { writeLabels } from './labels-writer';
import { writeNdjson } from './ndjson-writer';

describe('a simulated branch written to files', () => {
  const simulation = simulateBranch({ seed: 2, customers: 300, years: 0.5 });
  let dir = '';
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'branch-'))));
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('has one inbound message a line, topic, key and value as CONTRACTS.md defines them', async () => {
    const path = join(dir, 'branch.ndjson');
    const written = await writeNdjson(path, branchMessages(simulation));
    const text = await readFile(path, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(written.lines).toBe(lines.length);
    expect(written.bytes).toBe(Buffer.byteLength(text));
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      ...branchMessages(simulation),
    ]);
    expect(Object.keys(JSON.parse(lines[0] ?? '{}') as object)).toEqual(['topic', 'key', 'value']);
  });

  it('keeps the ground truth in labels.json', async () => {
    const path = join(dir, 'labels.json');
    await writeLabels(path, simulation);
    const labels = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    expect(labels['snapshotDate']).toBe(simulation.snapshotDate);
    expect(labels['labels']).toEqual(simulation.labels);
    expect(labels['lookAlikes']).toEqual(simulation.lookAlikes);
  });
});
