export * from './metrics';
export * from './health-checks';
export * from './observability.module';
