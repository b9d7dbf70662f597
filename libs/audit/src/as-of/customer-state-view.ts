import {
  customerSegment,
  lifecycleStageOf,
  ordinaryBandOf,
  type CustomerState,
} from '@churn/domain-customer';
import { bankDate, bankDayOfMs, type DayNumber } from '@churn/domain-kernel';
import type { Signal } from '@churn/domain-risk';
import { formatCny } from '../money-format';
import type { AuditFold } from './audit-fold';

const dateOf = (day: DayNumber | null): string | null => (day === null ? null : bankDate(day));

/** The risk event the engine had recorded last, as stored (null: never assessed at risk). */
export const riskView = (fold: AuditFold) => {
  const event = fold.latestRisk;
  if (event === null) return null;
  const d = event.data as {
    sequence: number;
    score: number;
    band: string;
    assessedOn: string;
    policyVersion: string;
    signals: readonly Signal[];
  };
  return {
    status: fold.risk.status,
    eventId: event.id,
    type: event.type,
    sequence: d.sequence,
    band: d.band,
    score: d.score,
    assessedOn: d.assessedOn,
    occurredAt: event.metadata.occurredAt,
    policyVersion: d.policyVersion,
    signals: d.signals.map((s) => ({
      code: s.code,
      strengthBasisPoints: s.strengthBasisPoints,
      measures: s.measures,
      explanation: s.explanation,
      evidenceEventIds: s.evidenceEventIds,
    })),
  };
};

const payrollView = (fold: AuditFold) =>
  [...fold.customer.payroll.values()].map((series) => {
    const last = series.credits[series.credits.length - 1];
    const tally = fold.payroll.get(series.employerId);
    const { cadence } = series;
    return {
      employerId: series.employerId,
      accountId: series.accountId,
      lastCredit:
        last === undefined
          ? null
          : {
              date: bankDate(last.day),
              amountMinor: last.amountMinor,
              currency: last.currency,
              batchId: last.batchId,
              payPeriod: last.payPeriod,
            },
      cadence: {
        established: cadence.established,
        medianIntervalDays: cadence.medianIntervalDays,
        typicalDayOfMonth: cadence.typicalDayOfMonth,
        typicalAmountMinor: cadence.typicalAmountMinor,
        expectedNextPayDate: dateOf(cadence.expectedNextPayDay),
      },
      credits: tally?.credits ?? series.credits.length,
      months: tally?.periods.size ?? series.credits.length,
      firstCreditOn: dateOf(tally?.firstDay ?? null),
    };
  });

const accountsView = (state: CustomerState) =>
  [...state.accounts.values()].map((a) => ({
    accountId: a.accountId,
    kind: a.kind,
    open: a.open,
    balanceMinor: a.balanceMinor,
    foreignBalances: a.foreignBalances === null ? {} : Object.fromEntries(a.foreignBalances),
  }));

const holdingsView = (state: CustomerState) =>
  [...state.holdings.values()].map((h) => ({
    holdingId: h.holdingId,
    productId: h.productId,
    kind: h.kind,
    currency: h.currency,
    principalMinor: h.principalMinor,
    maturesOn: h.maturesOn,
    status: h.status,
    purchasedOn: bankDate(h.purchasedDay),
    rollovers: h.rollovers,
    closedOn: dateOf(h.closedDay),
    proceedsMinor: h.proceedsMinor,
  }));

const relationshipView = (state: CustomerState) => {
  const { profile, relationshipManager: rm, complaints, latestSurvey, contacts, activity } = state;
  return {
    profile:
      profile === null
        ? null
        : {
            birthDate: profile.birthDate,
            industryClass: profile.industryClass,
            occupation: profile.occupation,
            branchId: profile.branchId,
            teamId: profile.teamId,
            acquisitionChannel: profile.acquisitionChannel,
            onboardedOn: bankDate(profile.onboardedDay),
          },
    relationshipManager:
      rm === null ? null : { rmId: rm.rmId, teamId: rm.teamId, since: bankDate(rm.sinceDay) },
    complaints: {
      count: complaints.count,
      recent: complaints.recent.map((c) => ({
        complaintId: c.complaintId,
        category: c.category,
        severity: c.severity,
        date: bankDate(c.day),
      })),
    },
    latestNps:
      latestSurvey === null
        ? null
        : {
            surveyId: latestSurvey.surveyId,
            score: latestSurvey.score,
            npsClass: latestSurvey.npsClass,
            date: bankDate(latestSurvey.day),
          },
    contacts: {
      count: contacts.count,
      lastOn: dateOf(contacts.lastDay),
      lastBankInitiatedOn: dateOf(contacts.lastBankInitiatedDay),
      lastCustomerInitiatedOn: dateOf(contacts.lastCustomerInitiatedDay),
      lastStaffId: contacts.lastStaffId,
    },
    activity: {
      count: activity.count,
      firstOn: dateOf(activity.firstDay),
      lastOn: dateOf(activity.lastDay),
    },
  };
};

/**
 * What the bank knew about the customer at `atMs` (issue 6 §1, state as of a moment): the
 * domain's own fold and queries, dated in bank days, with the risk the engine had recorded.
 * Segment and lifecycle are judged on the bank day of the moment.
 */
export const customerStateView = (customerId: string, fold: AuditFold, atMs: number) => {
  const state = fold.customer;
  const day = bankDayOfMs(atMs);
  const onOrAfterLast = Math.max(day, state.lastDay ?? day);
  return {
    customerId,
    at: new Date(atMs).toISOString(),
    eventsFolded: fold.eventsFolded,
    factsFolded: state.factCount,
    lastRevision: fold.lastRevision < 0 ? null : fold.lastRevision,
    lastPosition: fold.lastPosition,
    lastOccurredAt: state.lastOccurredAt,
    ...relationshipView(state),
    aumMinor: state.aumMinor,
    aum: formatCny(state.aumMinor),
    heldProductMinor: state.heldProductMinor,
    tier: state.tier,
    ordinaryBand: ordinaryBandOf(state.aumMinor),
    segment: customerSegment(state, day),
    lifecycleStage: fold.eventsFolded === 0 ? null : lifecycleStageOf(state, onOrAfterLast),
    accounts: accountsView(state),
    payroll: payrollView(fold),
    lastPayrollOn: dateOf(state.lastPayrollDay),
    holdings: holdingsView(state),
    productKindsEverHeld: state.productKindsEverHeld,
    risk: riskView(fold),
  };
};

export type CustomerStateView = ReturnType<typeof customerStateView>;
