import {
  CLOCK,
  staffAuthControllers,
  StaffAuthModule,
  systemClock,
  type AlertingAuthOptions,
  type AlertingConfig,
  type Clock,
} from '@churn/alerting';
import { EVENT_STORE, type OpenedEventStore } from '@churn/event-store';
import { HealthChecks } from '@churn/observability';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type INestApplication,
  type ModuleMetadata,
  type OnApplicationBootstrap,
  type Type,
} from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AuditAccessLog } from './access/audit-access-log';
import { AUDIT_CLOCK, RISK_POLICIES } from './access/audit-ports';
import { AuditScope } from './access/audit-scope';
import { CustomerStateController } from './as-of/customer-state.controller';
import { CustomerStateService } from './as-of/customer-state.service';
import { DEFAULT_SNAPSHOT_SETTINGS, type SnapshotSettings } from './as-of/customer-snapshots';
import { AlertExplanationService } from './explain/alert-explanation.service';
import {
  AlertExplanationController,
  RiskDecisionsController,
} from './explain/explanation.controllers';
import { noRawMessages, RAW_MESSAGES, type RawMessageReader } from './explain/raw-messages';
import { RiskDecisionsService } from './explain/risk-decisions.service';
import { AuditReadModels } from './history/audit-read-models';
import { CustomerEventsController } from './history/customer-events.controller';
import { CustomerEventsService } from './history/customer-events.service';
import { RerunController } from './rerun/rerun.controller';
import { RerunService } from './rerun/rerun.service';
import type { RiskPolicyRegistry } from './rerun/risk-policy-registry';

export interface AuditApiOptions {
  /** Staff tokens: the same settings as the alerting API (`alertingAuthOptionsFromEnv`). */
  readonly auth: AlertingAuthOptions;
  readonly demoLogins?: boolean;
  readonly tokenClock?: Clock;
  /**
   * The staff directory (and routing policy) when no module in `imports` provides
   * ALERTING_CONFIG: the audit API as its own service, without the alerting engine.
   */
  readonly config?: AlertingConfig;
  /** Modules providing ALERTING_CONFIG and CLOCK when not global (the alerting engine). */
  readonly imports?: ModuleMetadata['imports'];
  /** Serve `/auth/me` (and `/auth/demo-login`): where no alerting API in the process does. */
  readonly authRoutes?: boolean;
  /** The risk policy versions a re-run may use (`RiskPolicyRegistry.fromDirectory`). */
  readonly riskPolicies: RiskPolicyRegistry;
  /** Source messages from Kafka (`kafkaRawMessages`); default: coordinates only. */
  readonly rawMessages?: RawMessageReader;
  readonly snapshots?: Partial<SnapshotSettings>;
  /** Access-log and scope time; default the alerting engine's CLOCK, else real time. */
  readonly clock?: Clock;
}

/** Builds the read models when the application starts, stops following the store at shutdown. */
@Injectable()
export class AuditReadModelsRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');

  constructor(
    @Inject(AuditReadModels) private readonly models: AuditReadModels,
    @Inject(RAW_MESSAGES) private readonly rawMessages: RawMessageReader,
    @Optional() @Inject(HealthChecks) private readonly health?: HealthChecks,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.health?.register({
      name: 'audit',
      check: async () => {
        const status = this.models.status;
        return { up: status.clockError === null, detail: status };
      },
    });
    await this.models.start();
    this.logger.log(
      `audit read models: ${this.models.alerts.size} alerts folded; branch clock catching up`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.models.stop();
    await this.rawMessages.close();
  }
}

/**
 * The audit API (issue 6 §1): customer history, state as of a moment, diff and timeline, alert
 * explanations, risk decisions and the re-run check, behind the alerting API's staff sign-in,
 * roles and scope; every query recorded. Needs `EventStoreModule` in the process (global).
 */
@Module({})
export class AuditApiModule {
  static forRoot(options: AuditApiOptions): DynamicModule {
    const imports = options.imports ?? [];
    const demoLogins = options.demoLogins === true;
    const staffAuth = StaffAuthModule.forRoot({
      auth: options.auth,
      demoLogins,
      imports,
      ...(options.tokenClock === undefined ? {} : { tokenClock: options.tokenClock }),
      ...(options.config === undefined ? {} : { config: options.config }),
    });
    const snapshots = { ...DEFAULT_SNAPSHOT_SETTINGS, ...options.snapshots };
    return {
      module: AuditApiModule,
      imports: [...imports, staffAuth],
      controllers: [
        ...(options.authRoutes === true ? (staffAuthControllers(demoLogins) ?? []) : []),
        CustomerEventsController,
        CustomerStateController,
        RiskDecisionsController,
        RerunController,
        AlertExplanationController,
      ],
      providers: [
        {
          provide: AUDIT_CLOCK,
          useFactory: (clock: Clock | undefined) => options.clock ?? clock ?? systemClock,
          inject: [{ token: CLOCK, optional: true }],
        },
        { provide: RISK_POLICIES, useValue: options.riskPolicies },
        { provide: RAW_MESSAGES, useValue: options.rawMessages ?? noRawMessages },
        {
          provide: AuditReadModels,
          useFactory: (opened: OpenedEventStore) => new AuditReadModels(opened.store, snapshots),
          inject: [EVENT_STORE],
        },
        AuditReadModelsRunner,
        AuditAccessLog,
        AuditScope,
        CustomerEventsService,
        CustomerStateService,
        AlertExplanationService,
        RiskDecisionsService,
        RerunService,
      ],
      exports: [AuditReadModels, AuditAccessLog, AuditScope, AUDIT_CLOCK, RISK_POLICIES, staffAuth],
    };
  }
}

export const AUDIT_OPENAPI_JSON_PATH = 'api/openapi.json';
export const AUDIT_OPENAPI_UI_PATH = 'api/docs';

/** The audit API's OpenAPI document: its routes (and those of `alsoInclude`), nothing else. */
export const auditOpenApiDocument = (
  app: INestApplication,
  alsoInclude: readonly Type[] = [],
): OpenAPIObject =>
  SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Churn early warning: audit API')
      .setDescription(
        'What the bank knew about a customer on any day, why an alert fired (or did not), who ' +
          'was told and what they did, and whether a re-run of the risk engine reproduces it. ' +
          'Every request needs a staff bearer token; every query is recorded in access-<staffId>.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
    { include: [AuditApiModule, ...alsoInclude] },
  );

/**
 * Serves the document at `/api/openapi.json` and the UI at `/api/docs` (before `listen`), or at
 * `prefix`/api/… where another API's document already has those paths (the standalone system).
 */
export const serveAuditOpenApi = (
  app: INestApplication,
  alsoInclude: readonly Type[] = [],
  prefix = '',
): OpenAPIObject => {
  const document = auditOpenApiDocument(app, alsoInclude);
  SwaggerModule.setup(`${prefix}${AUDIT_OPENAPI_UI_PATH}`, app, document, {
    jsonDocumentUrl: `${prefix}${AUDIT_OPENAPI_JSON_PATH}`,
    customSiteTitle: 'Audit API',
  });
  return document;
};
