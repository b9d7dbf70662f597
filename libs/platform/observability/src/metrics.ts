import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface MetricSpec<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames?: readonly L[];
}

export interface HistogramSpec<L extends string> extends MetricSpec<L> {
  /** Bucket upper bounds in seconds (Prometheus convention for durations). */
  readonly buckets?: readonly number[];
}

export interface GaugeSpec<L extends string> extends MetricSpec<L> {
  /**
   * Sets the gauge at each scrape (prom-client's `collect`), for figures read on demand such as
   * free disk space; awaited before the exposition is written.
   */
  readonly collect?: (gauge: Gauge<L>) => void | Promise<void>;
}

/** Latency buckets from 0.5 ms to 10 s, wide enough for an fsync and a slow broker alike. */
export const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/**
 * The process's Prometheus registry. Features define their metrics through it, so prom-client
 * stays an implementation detail of this library (lint bans it elsewhere). Defining the same name
 * twice returns the existing metric: modules composed into one process (standalone) share it.
 */
export class Metrics {
  readonly registry = new Registry();

  constructor(options: { readonly processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string>(spec: MetricSpec<L>): Counter<L> {
    return this.existing<Counter<L>>(spec.name) ?? new Counter({ ...this.base(spec) });
  }

  /** With `collect`: the first definition's callback is the one that runs (see above). */
  gauge<L extends string>(spec: GaugeSpec<L>): Gauge<L> {
    const collect = spec.collect;
    return (
      this.existing<Gauge<L>>(spec.name) ??
      new Gauge({
        ...this.base(spec),
        ...(collect === undefined
          ? {}
          : {
              collect(this: Gauge<L>) {
                return collect(this);
              },
            }),
      })
    );
  }

  histogram<L extends string>(spec: HistogramSpec<L>): Histogram<L> {
    return (
      this.existing<Histogram<L>>(spec.name) ??
      new Histogram({ ...this.base(spec), buckets: [...(spec.buckets ?? LATENCY_BUCKETS)] })
    );
  }

  /** The text exposition format served on `/metrics`. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private base<L extends string>(spec: MetricSpec<L>) {
    return {
      name: spec.name,
      help: spec.help,
      labelNames: [...(spec.labelNames ?? [])],
      registers: [this.registry],
    };
  }

  private existing<M>(name: string): M | undefined {
    return this.registry.getSingleMetric(name) as M | undefined;
  }
}
