import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RiskPolicyFileError } from '@churn/risk';
import { SHIPPED_RISK_VERSION as VERSION } from '../access/testing/stored-history';
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
      'risk-policy-next.yaml': shipped.replace(`version: '${VERSION}'`, "version: '2027-01-1'"),
      'alerting-policy.yaml': 'not a risk policy',
    });
    copyFileSync(SHIPPED, join(dir, 'risk-policy.yaml'));
    const registry = RiskPolicyRegistry.fromDirectory(dir);
    expect(registry.versions.map((v) => v.version).sort()).toEqual([VERSION, '2027-01-1']);
    expect(registry.find('2027-01-1')?.file).toBe(join(dir, 'risk-policy-next.yaml'));
    expect(registry.find('risk-policy.yaml')?.version).toBe(VERSION);
    expect(registry.find('deploy/policy/risk-policy-next.yaml')?.version).toBe('2027-01-1');
    expect(registry.find('/etc/passwd')).toBeUndefined();
  });

  it('knows every version shipped in deploy/policy, so events recorded under an older one can be re-run', () => {
    const registry = RiskPolicyRegistry.fromDirectory('deploy/policy');
    expect(registry.find(VERSION)?.file).toBe('deploy/policy/risk-policy.yaml');
    expect(registry.find('2026-11-2')?.file).toBe('deploy/policy/risk-policy-2026-11-2.yaml');
  });

  it('refuses two files claiming one version with different content, naming the file', () => {
    const dir = directory({
      'risk-policy.yaml': shipped,
      'risk-policy-copy.yaml': shipped.replace('toleranceDays: 3', 'toleranceDays: 4'),
    });
    expect(() => RiskPolicyRegistry.fromDirectory(dir)).toThrow(RiskPolicyFileError);
    expect(() => RiskPolicyRegistry.fromDirectory(dir)).toThrow(
      new RegExp(`version ${VERSION} is also .*with other content`),
    );
  });

  it('stops on a bad policy file, naming the file and the key', () => {
    const dir = directory({ 'risk-policy.yaml': shipped.replace('watch: ', 'watch: -') });
    expect(() => RiskPolicyRegistry.fromDirectory(dir)).toThrow(/risk-policy\.yaml: bands\.watch/);
  });
});
