/** One dependency's answer to "can you serve?": the broker, the store, a consumer. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<HealthReport>;
}

export interface HealthReport {
  readonly up: boolean;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/**
 * The checks `/health` runs. Features register theirs when they start; the process is ready only
 * when every registered check answers up within the timeout.
 */
export class HealthChecks {
  private readonly checks = new Map<string, HealthCheck>();

  register(check: HealthCheck): void {
    this.checks.set(check.name, check);
  }

  async run(
    timeoutMs = 2_000,
  ): Promise<{ readonly up: boolean; readonly checks: Record<string, HealthReport> }> {
    const entries = await Promise.all(
      [...this.checks.values()].map(
        async (c) => [c.name, await withTimeout(c, timeoutMs)] as const,
      ),
    );
    return { up: entries.every(([, r]) => r.up), checks: Object.fromEntries(entries) };
  }
}

const withTimeout = async (check: HealthCheck, timeoutMs: number): Promise<HealthReport> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthReport>((resolve) => {
    timer = setTimeout(
      () => resolve({ up: false, detail: { error: `no answer in ${timeoutMs} ms` } }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([check.check(), timeout]);
  } catch (error) {
    return { up: false, detail: { error: error instanceof Error ? error.message : String(error) } };
  } finally {
    clearTimeout(timer);
  }
};
