export * from './kafka-client';
export * from './topics';
export * from './topic-admin';
