export * from './manual-clock';
export * from './risk-events';
export * from './recording-sender';
export * from './test-engine';
