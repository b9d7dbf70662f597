export * from './env-settings';
export * from './worker-thread';
