// The V8 flags each service's image starts node with (the ENTRYPOINT of
// deploy/docker/<service>.Dockerfile, between `node --enable-source-maps` and the main file;
// test/deploy/dockerfiles.spec.ts holds the two equal), so that the processes the system tests
// and benchmarks start run as deployed.

/**
 * A 64 MiB semi-space (V8's default is 16 MiB on 64-bit): the engine's fold and the ingestion
 * decode allocate short-lived objects per event, and a larger young generation lets more of them
 * die before a scavenge copies them or promotes them to the old generation. Measured on the
 * risk engine's catch-up of 10 M stored events: 177.7 s → 156.6 s; it costs resident memory
 * (README).
 */
export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';

export const SERVICE_NODE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  ingestion: [YOUNG_GENERATION_FLAG],
  'risk-engine': [YOUNG_GENERATION_FLAG],
  alerting: [],
  'audit-api': [],
  standalone: [YOUNG_GENERATION_FLAG],
};

/** The flags of the service whose entry point `script` is (`services/<service>/src/…`); none for other scripts. */
export const nodeFlagsOf = (script: string): readonly string[] =>
  SERVICE_NODE_FLAGS[/^services\/([^/]+)\//.exec(script)?.[1] ?? ''] ?? [];
