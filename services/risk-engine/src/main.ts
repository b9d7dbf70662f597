import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { exitOnStartupError } from '@churn/config';
import { RiskEngineServiceModule } from './risk-engine-service.module';
import { readSettings } from './settings';

/** `services/risk-engine`: assess every customer stream of the store until SIGTERM. */
const main = async (): Promise<void> => {
  const settings = readSettings(process.env);
  const app = await NestFactory.create(RiskEngineServiceModule.with(settings), {
    logger: ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen(settings.port, settings.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  console.log(`risk engine ready: ${url}/health  ${url}/metrics  ${url}/customers/<id>/risk`);
};

main().catch(exitOnStartupError);
