import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AlertingApiModule } from './alerting-api.module';

export const OPENAPI_JSON_PATH = 'api/openapi.json';
export const OPENAPI_UI_PATH = 'api/docs';

/** The alerting API's OpenAPI document: its routes only, whatever else the process serves. */
export const alertingOpenApiDocument = (app: INestApplication): OpenAPIObject =>
  SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Churn early warning: alerting API')
      .setDescription(
        'Retention alerts for relationship managers, supervisors and branch heads: inbox, ' +
          'acknowledge, contact, snooze, reassign, escalate, resolve, SLA performance. ' +
          'Every request needs a staff bearer token; every read of customer data is recorded.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
    { include: [AlertingApiModule] },
  );

/**
 * Serves the document at `/api/openapi.json` and the UI at `/api/docs`. Call it after creating
 * the application and before `listen`.
 */
export const serveAlertingOpenApi = (app: INestApplication): OpenAPIObject => {
  const document = alertingOpenApiDocument(app);
  SwaggerModule.setup(OPENAPI_UI_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    customSiteTitle: 'Alerting API',
  });
  return document;
};
