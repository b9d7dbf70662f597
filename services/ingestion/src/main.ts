import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { IngestionServiceModule } from './ingestion-service.module';
import { readSettings, SettingError } from './settings';

/** `services/ingestion`: consume the inbound topics into the event store until SIGTERM. */
const main = async (): Promise<void> => {
  const settings = readSettings(process.env);
  const app = await NestFactory.create(IngestionServiceModule.with(settings), { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen(settings.port, settings.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  console.log(`ingestion ready: ${url}/health  ${url}/metrics`);
};

main().catch((error: unknown) => {
  console.error(error instanceof SettingError ? `configuration error: ${error.message}` : error);
  process.exit(1);
});
