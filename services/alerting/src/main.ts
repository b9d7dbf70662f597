import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupError } from '@churn/config';
import { serveAlertingOpenApi } from '@churn/alerting';
import { AlertingServiceModule } from './alerting-service.module';
import { readSettings } from './settings';

/** `services/alerting`: raise, route, escalate and notify retention alerts until SIGTERM. */
const main = async (): Promise<void> => {
  const settings = readSettings(process.env);
  const app = await NestFactory.create(AlertingServiceModule.with(settings), {
    logger: ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  serveAlertingOpenApi(app);
  await app.listen(settings.port, settings.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  console.log(
    `alerting ready: ${url}/alerts  ${url}/api/docs  ${url}/api/openapi.json  ${url}/health  ${url}/metrics`,
  );
};

main().catch(exitOnStartupError);
