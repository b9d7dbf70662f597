import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import type { AlertingAuthOptions } from '../auth/alerting-auth-options';
import { staffAuthControllers, StaffAuthModule } from '../auth/staff-auth.module';
import type { Clock } from '../ports/alerting-ports';
import { AlertActionsService } from './alert-actions.service';
import { AlertsQueryService } from './alerts-query.service';
import { AlertsController } from './alerts.controller';
import { CustomerDataAccessLog } from './customer-data-access';
import { EscalationsController } from './escalations.controller';
import { TeamSlaController } from './team-sla.controller';
import { TeamSlaService } from './team-sla.service';

export interface AlertingApiOptions {
  readonly auth: AlertingAuthOptions;
  /** `POST /auth/demo-login`: a token for anybody, no password. Only `npm start`'s demo. */
  readonly demoLogins?: boolean;
  /**
   * Modules that provide ALERT_COMMANDS, ALERT_READ_MODEL, ALERTING_CONFIG and CLOCK when they
   * are not global (EVENT_STORE comes from the global `EventStoreModule`).
   */
  readonly imports?: ModuleMetadata['imports'];
  /** Issues and checks tokens; default: the engine's CLOCK. The demo passes the real clock. */
  readonly tokenClock?: Clock;
}

/**
 * The REST API of the people who work alerts (issue 5 §5). The engine (`AlertingModule`) owns the
 * store, the read model, the timers and the metrics; this module only reads and commands through
 * their ports. Staff sign-in is `StaffAuthModule`, shared with the audit API; bad token settings
 * stop start-up there, before Nest builds anything.
 */
@Module({})
export class AlertingApiModule {
  static forRoot(options: AlertingApiOptions): DynamicModule {
    const demoLogins = options.demoLogins === true;
    const imports = options.imports ?? [];
    const staffAuth = StaffAuthModule.forRoot({
      auth: options.auth,
      demoLogins,
      imports,
      ...(options.tokenClock ? { tokenClock: options.tokenClock } : {}),
    });
    return {
      module: AlertingApiModule,
      imports: [...imports, staffAuth],
      controllers: [
        ...(staffAuthControllers(demoLogins) ?? []),
        AlertsController,
        EscalationsController,
        TeamSlaController,
      ],
      providers: [CustomerDataAccessLog, AlertsQueryService, AlertActionsService, TeamSlaService],
      exports: [staffAuth],
    };
  }
}
