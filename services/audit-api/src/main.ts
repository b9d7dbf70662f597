import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupError } from '@churn/config';
import { BranchAnalyticsModule, serveAuditOpenApi } from '@churn/audit';
import { CONSOLE_PATH, consoleBuilt } from '@churn/console';
import { AuditApiServiceModule } from './audit-api-service.module';
import { readSettings } from './settings';

/** `services/audit-api`: answer what the bank knew, when, and why, until SIGTERM. */
const main = async (): Promise<void> => {
  const settings = readSettings(process.env);
  const app = await NestFactory.create(AuditApiServiceModule.with(settings), {
    logger: ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  serveAuditOpenApi(app, [BranchAnalyticsModule]);
  await app.listen(settings.port, settings.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  const web = consoleBuilt(settings.consoleDir)
    ? `${url}${CONSOLE_PATH}`
    : `(no console: ${settings.consoleDir} holds no build)`;
  console.log(
    `audit API ready: ${url}/audit/customers/<id>/state  ${url}/api/docs  ${url}/health  ${url}/metrics  console ${web}`,
  );
};

main().catch(exitOnStartupError);
