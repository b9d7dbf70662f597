export * from './employer-state';
export * from './evolve-employer';
export * from './retention';
