import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { printWhereToLook } from './where-to-look';
import { readSettings, SettingError } from './settings';
import { StandaloneModule } from './standalone.module';

/** `npm start`: the whole pipeline that exists so far, in one process, on ./data. */
const main = async (): Promise<void> => {
  const settings = readSettings(process.env);
  const app = await NestFactory.create(StandaloneModule.with(settings), { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen(settings.port, settings.host);
  printWhereToLook(await app.getUrl(), settings);
};

main().catch((error: unknown) => {
  console.error(error instanceof SettingError ? `configuration error: ${error.message}` : error);
  process.exit(1);
});
