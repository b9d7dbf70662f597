import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { IngestionServiceModule } from './ingestion-service.module';
import { exitOnStartupError } from '@churn/config';
import { readSettings } from './settings';

/** `services/ingestion`: consume the inbound topics into the event store until SIGTERM. */
const main = async (): Promise<void> => {
  const settings = readSettings(process.env);
  const app = await NestFactory.create(IngestionServiceModule.with(settings), {
    logger: ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen(settings.port, settings.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  console.log(`ingestion ready: ${url}/health  ${url}/metrics`);
};

main().catch(exitOnStartupError);
