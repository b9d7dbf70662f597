import type { DomainEvent } from '@churn/domain-kernel';
import type { AcquisitionChannel, IndustryClass } from './vocabulary';

/** Dates of birth and maturity are bank-calendar dates `YYYY-MM-DD`, not instants. */
export type CalendarDate = string;

/** The customer opened a relationship with the branch; it owns the customer from now on. */
export type CustomerOnboarded = DomainEvent<
  'CustomerOnboarded',
  {
    customerId: string;
    birthDate: CalendarDate;
    industryClass: IndustryClass;
    occupation: string;
    branchId: string;
    teamId: string;
    acquisitionChannel: AcquisitionChannel;
  }
>;

/** Any subset of the profile changed; absent fields keep their value. */
export type CustomerProfileChanged = DomainEvent<
  'CustomerProfileChanged',
  {
    customerId: string;
    birthDate?: CalendarDate;
    industryClass?: IndustryClass;
    occupation?: string;
    branchId?: string;
    teamId?: string;
  }
>;

/** A wealth manager (理财经理) now looks after the customer; 35% have no known RM (DOMAIN.md §4). */
export type RelationshipManagerAssigned = DomainEvent<
  'RelationshipManagerAssigned',
  { customerId: string; rmId: string; teamId: string }
>;
