import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthChecks } from './health-checks';
import { Metrics } from './metrics';

/** `/metrics` for Prometheus, `/health` for load balancers and Kubernetes probes. */
@Controller()
export class ObservabilityController {
  constructor(
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(HealthChecks) private readonly health: HealthChecks,
  ) {}

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async exposition(@Res() response: Response): Promise<void> {
    response.type(this.metrics.contentType).send(await this.metrics.exposition());
  }

  /** 200 when every dependency answers, 503 otherwise, with each check's detail. */
  @Get('health')
  async readiness(@Res() response: Response): Promise<void> {
    const result = await this.health.run();
    response
      .status(result.up ? 200 : 503)
      .json({ status: result.up ? 'up' : 'down', checks: result.checks });
  }
}
