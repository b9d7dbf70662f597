export * from './channel';
export * from './webhook-signature';
export * from './webhook-sender';
export * from './email-sender';
export * from './kafka-alert-sender';
export * from './inbox-sender';
export * from './deliver-with-fallback';
