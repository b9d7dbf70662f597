import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadRiskPolicy, RiskPolicyFileError, type LoadedRiskPolicy } from '@churn/risk';

/** `risk-policy.yaml` and `risk-policy-<anything>.yaml` (or `.yml`, `.json`). */
export const POLICY_FILE = /^risk-policy(-[A-Za-z0-9._-]+)?\.(ya?ml|json)$/;

export interface RegisteredPolicy {
  readonly version: string;
  /** The file as found, e.g. `deploy/policy/risk-policy-2027-01-1.yaml`. */
  readonly file: string;
  readonly loaded: LoadedRiskPolicy;
}

/**
 * The risk policy versions the audit API knows (issue 6 §1, re-run check): every policy file of
 * a directory, checked as the engine checks its own at start (a bad file stops start-up naming
 * the file and the key). Policies are versioned files: a re-run asks for one by version or by
 * file name, never by an arbitrary path. Two files claiming one version with different content
 * stop start-up too: "change anything and change `version`" (deploy/policy/risk-policy.yaml).
 */
export class RiskPolicyRegistry {
  private readonly byVersion = new Map<string, RegisteredPolicy>();
  private readonly byName = new Map<string, RegisteredPolicy>();

  constructor(policies: readonly { readonly file: string; readonly loaded: LoadedRiskPolicy }[]) {
    for (const { file, loaded } of policies) {
      const version = loaded.policy.version;
      const known = this.byVersion.get(version);
      if (known !== undefined && JSON.stringify(known.loaded) !== JSON.stringify(loaded))
        throw new RiskPolicyFileError(
          file,
          'version',
          `version ${version} is also ${known.file}, with other content: give it its own version`,
        );
      const registered = known ?? { version, file, loaded };
      this.byVersion.set(version, registered);
      this.byName.set(basename(file), registered);
    }
  }

  /** Every policy file of `directory` (a missing directory or file stops start-up). */
  static fromDirectory(directory: string): RiskPolicyRegistry {
    let names: string[];
    try {
      names = readdirSync(directory)
        .filter((name) => POLICY_FILE.test(name))
        .sort();
    } catch (error) {
      throw new RiskPolicyFileError(
        directory,
        null,
        `cannot be listed: ${(error as Error).message}`,
      );
    }
    const files = names.map((name) => join(directory, name));
    return new RiskPolicyRegistry(files.map((file) => ({ file, loaded: loadRiskPolicy(file) })));
  }

  /** By version (`2026-11-2`), or by file name or a path ending in a known file name. */
  find(versionOrFile: string): RegisteredPolicy | undefined {
    return this.byVersion.get(versionOrFile) ?? this.byName.get(basename(versionOrFile));
  }

  get versions(): readonly { readonly version: string; readonly file: string }[] {
    return [...this.byVersion.values()].map(({ version, file }) => ({ version, file }));
  }
}
