export * from './prng';
export * from './instants';
export * from './fact-builders';
export * from './history-generator';
export * from './tier-population';
