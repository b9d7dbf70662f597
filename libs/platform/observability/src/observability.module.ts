import { Global, Module } from '@nestjs/common';
import { HealthChecks } from './health-checks';
import { Metrics } from './metrics';
import { ObservabilityController } from './observability.controller';

/** One registry and one set of health checks per process, shared by every feature module. */
@Global()
@Module({
  controllers: [ObservabilityController],
  providers: [
    { provide: Metrics, useFactory: () => new Metrics() },
    { provide: HealthChecks, useFactory: () => new HealthChecks() },
  ],
  exports: [Metrics, HealthChecks],
})
export class ObservabilityModule {}
