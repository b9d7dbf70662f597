import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import {
  ALERTING_CONFIG,
  CLOCK,
  systemClock,
  type AlertingConfig,
  type Clock,
} from '../ports/alerting-ports';
import {
  AlertingAuthConfigError,
  tokenKeysOf,
  type AlertingAuthOptions,
} from './alerting-auth-options';
import { AuthController, DemoLoginController } from './auth.controller';
import { StaffAuthGuard } from './staff-auth.guard';
import { StaffTokens, TOKEN_CLOCK, TOKEN_KEYS } from './staff-tokens';

type Exports = NonNullable<ModuleMetadata['exports']>;

export interface StaffAuthOptions {
  readonly auth: AlertingAuthOptions;
  /** `POST /auth/demo-login`: a token for anybody, no password. Only `npm start`'s demo. */
  readonly demoLogins?: boolean;
  /** Issues and checks tokens; default: the engine's CLOCK where there is one, else real time. */
  readonly tokenClock?: Clock;
  /**
   * The staff directory (and routing policy) itself, for an API that runs without the alerting
   * engine (the audit API as its own service). Without it, ALERTING_CONFIG comes from `imports`
   * (the engine's `AlertingModule`) or a global module.
   */
  readonly config?: AlertingConfig;
  /** Modules that provide ALERTING_CONFIG and CLOCK when they are not global. */
  readonly imports?: ModuleMetadata['imports'];
}

/**
 * Staff sign-in shared by every API that shows customer data (issue 5 §5, issue 6 §1): the token
 * keys, the token clock, `StaffTokens` and `StaffAuthGuard`, with the staff directory the guard
 * reads roles from. Bad token settings stop start-up here, before Nest builds anything. Routes
 * (`/auth/me`, `/auth/demo-login`) stay with the API that serves them: `staffAuthControllers`.
 */
@Module({})
export class StaffAuthModule {
  static forRoot(options: StaffAuthOptions): DynamicModule {
    const keys = tokenKeysOf(options.auth);
    if (options.demoLogins === true && keys.signKey === null)
      throw new AlertingAuthConfigError(
        'demo logins issue tokens: give the alerting API a secret or a private key to sign them',
      );
    const imports = options.imports ?? [];
    const config: Provider[] =
      options.config === undefined ? [] : [{ provide: ALERTING_CONFIG, useValue: options.config }];
    return {
      module: StaffAuthModule,
      imports,
      providers: [
        { provide: TOKEN_KEYS, useValue: keys },
        {
          provide: TOKEN_CLOCK,
          useFactory: (clock: Clock | undefined) => options.tokenClock ?? clock ?? systemClock,
          inject: [{ token: CLOCK, optional: true }],
        },
        StaffTokens,
        StaffAuthGuard,
        ...config,
      ],
      exports: [
        TOKEN_KEYS,
        TOKEN_CLOCK,
        StaffTokens,
        StaffAuthGuard,
        // Re-exported, so that the guard finds ALERTING_CONFIG in every module importing this one.
        ...(options.config === undefined ? (imports as Exports) : [ALERTING_CONFIG]),
      ],
    };
  }
}

/** The sign-in routes: `/auth/me` for everybody, `/auth/demo-login` only in the demo. */
export const staffAuthControllers = (demoLogins: boolean): ModuleMetadata['controllers'] => [
  AuthController,
  ...(demoLogins ? [DemoLoginController] : []),
];
