import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { RiskEngine, RiskPolicyFileError } from '@churn/risk';
import { BranchAnalyticsModule, serveAuditOpenApi } from '@churn/audit';
import {
  AlertingAuthConfigError,
  AlertingConfigFileError,
  serveAlertingOpenApi,
} from '@churn/alerting';
import { printWhereToLook } from './where-to-look';
import { SettingError } from '@churn/config';
import { DemoFeedRunner } from './demo-feed.runner';
import { readSettings } from './settings';
import { StandaloneModule } from './standalone.module';

/** `npm start`: the whole pipeline that exists so far, in one process, on ./data. */
const main = async (): Promise<void> => {
  const settings = readSettings(process.env);
  const app = await NestFactory.create(StandaloneModule.with(settings), {
    logger: ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  serveAlertingOpenApi(app);
  serveAuditOpenApi(app, [BranchAnalyticsModule], 'audit/');
  await app.listen(settings.port, settings.host);
  await app.get(DemoFeedRunner).historyLoaded;
  printWhereToLook(await app.getUrl(), settings, app.get(RiskEngine).settings.policy.version);
};

main().catch((error: unknown) => {
  const configuration =
    error instanceof SettingError ||
    error instanceof RiskPolicyFileError ||
    error instanceof AlertingConfigFileError ||
    error instanceof AlertingAuthConfigError;
  console.error(configuration ? `configuration error: ${(error as Error).message}` : error);
  process.exit(1);
});
