export * from './kafka-broker';
export * from './test-topics';
export * from './produce';
export * from './read-topic';
export * from './group-offsets';
export * from './wait-until';
export * from './json-test-handler';
export * from './test-timings';
