import { Module } from '@nestjs/common';
import { BranchOverviewController } from './branch-overview.controller';
import { BranchOverviewService } from './branch-overview.service';

/** Read models and their API. Needs `EventStoreModule` in the process (global). */
@Module({ controllers: [BranchOverviewController], providers: [BranchOverviewService] })
export class AuditModule {}
