export * from './branch-history';
export * from './stored-feed';
export * from './engine-run';
export * from './loop-run';
export * from './partitioned-feed';
export * from './store-copies';
export * from './stored-backlog';
