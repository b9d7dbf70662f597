export * from './branch-overview.projection';
export * from './branch-overview.service';
export * from './audit.module';
export * from './money-format';
