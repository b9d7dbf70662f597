import { dateOfDay } from '../calendar/bank-calendar';
import type { ChurnLabel, LookAlikeLabel } from '../journeys/journey-plan';
import type { CustomerPlan } from '../population/customer-plan';
import { payDayOf, type EmployerPlan } from '../population/employers';
import type { BranchCalendar } from './simulation-options';

/** The employer that moves its payroll away, and from when. */
export interface PayrollMove {
  readonly employerId: string;
  readonly headcount: number;
  /** The first salary month (`YYYY-MM`) not paid here. */
  readonly firstMissedPeriod: string;
  /** The pay day on which its batch first fails to arrive. */
  readonly firstMissedOn: string;
}

export const churnLabels = (customers: readonly CustomerPlan[]): ChurnLabel[] =>
  customers.flatMap(({ customerId, journey, employment }) =>
    journey === null
      ? []
      : [
          {
            customerId,
            journey: journey.kind,
            lostOn: dateOfDay(journey.lostDay),
            startedOn: dateOfDay(journey.startDay),
            tierBefore: journey.tierBefore,
            levelBeforeMinor: journey.levelBefore,
            employerId:
              journey.payrollStopsDay === null ? null : (employment?.employer.employerId ?? null),
          },
        ],
  );

export const lookAlikeLabels = (customers: readonly CustomerPlan[]): LookAlikeLabel[] =>
  customers.flatMap(({ customerId, event }): LookAlikeLabel[] => {
    if (event?.kind === 'house-purchase')
      return [
        {
          customerId,
          kind: event.kind,
          on: dateOfDay(event.day),
          backOn: null,
          amountMinor: event.amountMinor,
        },
      ];
    if (event?.kind === 'own-account-round-trip')
      return [
        {
          customerId,
          kind: event.kind,
          on: dateOfDay(event.day),
          backOn: dateOfDay(event.backDay),
          amountMinor: event.amountMinor,
        },
      ];
    return [];
  });

export const payrollMoveOf = (
  employer: EmployerPlan | null,
  month: number,
  calendar: BranchCalendar,
): PayrollMove | null => {
  if (employer === null || calendar.months < 3) return null;
  const branchMonth = calendar.month(month);
  return {
    employerId: employer.employerId,
    headcount: employer.headcount,
    firstMissedPeriod: branchMonth.previousPeriod,
    firstMissedOn: dateOfDay(payDayOf(employer, branchMonth)),
  };
};
