/** A policy or directory that cannot be used: every problem, each naming its key path. */
export class AlertingConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AlertingConfigError';
  }
}
