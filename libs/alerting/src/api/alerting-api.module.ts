import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import {
  AlertingAuthConfigError,
  tokenKeysOf,
  type AlertingAuthOptions,
} from '../auth/alerting-auth-options';
import { AuthController, DemoLoginController } from '../auth/auth.controller';
import { StaffAuthGuard } from '../auth/staff-auth.guard';
import { StaffTokens, TOKEN_CLOCK, TOKEN_KEYS } from '../auth/staff-tokens';
import { CLOCK, type Clock } from '../ports/alerting-ports';
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
 * their ports. Bad token settings stop start-up here, before Nest builds anything.
 */
@Module({})
export class AlertingApiModule {
  static forRoot(options: AlertingApiOptions): DynamicModule {
    const keys = tokenKeysOf(options.auth);
    const demoLogins = options.demoLogins === true;
    if (demoLogins && keys.signKey === null)
      throw new AlertingAuthConfigError(
        'demo logins issue tokens: give the alerting API a secret or a private key to sign them',
      );
    return {
      module: AlertingApiModule,
      imports: options.imports ?? [],
      controllers: [
        AuthController,
        ...(demoLogins ? [DemoLoginController] : []),
        AlertsController,
        EscalationsController,
        TeamSlaController,
      ],
      providers: [
        { provide: TOKEN_KEYS, useValue: keys },
        {
          provide: TOKEN_CLOCK,
          useFactory: (clock: Clock) => options.tokenClock ?? clock,
          inject: [CLOCK],
        },
        StaffTokens,
        StaffAuthGuard,
        CustomerDataAccessLog,
        AlertsQueryService,
        AlertActionsService,
        TeamSlaService,
      ],
      exports: [StaffTokens],
    };
  }
}
