export * from './branch-overview.projection';
