import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RiskPolicyFileError } from '@churn/risk';
import { RiskPolicyRegistry } from './risk-policy-registry';

const SHIPPED = 'deploy/policy/risk-policy.yaml';
const directory = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-registry-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
const shipped = readFileSync(SHIPPED, 'utf8');

describe('the risk policy versions the audit API knows', () => {
  it('lists every risk-policy file of the directory, found by version, file name or a path ending in one', () => {
    const dir = directory({
      'risk-policy-next.yaml': shipped.replace("version: '2026-11-2'", "version: '2027-01-1'"),
      'alerting-policy.yaml': 'not a risk policy',
    });
    copyFileSync(SHIPPED, join(dir, 'risk-policy.yaml'));
    const registry = RiskPolicyRegistry.fromDirectory(dir);
    expect(registry.versions.map((v) => v.version).sort()).toEqual(['2026-11-2', '2027-01-1']);
    expect(registry.find('2027-01-1')?.file).toBe(join(dir, 'risk-policy-next.yaml'));
    expect(registry.find('risk-policy.yaml')?.version).toBe('2026-11-2');
    expect(registry.find('deploy/policy/risk-policy-next.yaml')?.version).toBe('2027-01-1');
    expect(registry.find('/etc/passwd')).toBeUndefined();
  });

  it('refuses two files claiming one version with different content, naming the file', () => {
    const dir = directory({
      'risk-policy.yaml': shipped,
      'risk-policy-copy.yaml': shipped.replace('toleranceDays: 3', 'toleranceDays: 4'),
    });
    expect(() => RiskPolicyRegistry.fromDirectory(dir)).toThrow(RiskPolicyFileError);
    expect(() => RiskPolicyRegistry.fromDirectory(dir)).toThrow(
      /version 2026-11-2 is also .*with other content/,
    );
  });

  it('stops on a bad policy file, naming the file and the key', () => {
    const dir = directory({ 'risk-policy.yaml': shipped.replace('watch: ', 'watch: -') });
    expect(() => RiskPolicyRegistry.fromDirectory(dir)).toThrow(/risk-policy\.yaml: bands\.watch/);
  });
});
