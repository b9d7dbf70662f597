import type {
  ComplaintCategory,
  ComplaintSeverity,
  ContactChannel,
  ContactInitiator,
} from '@churn/domain-facts';
import type { CustomerLedger } from './customer-ledger';
import type { FactWriter } from './fact-writer';

/** The customer's first facts: onboarding, two accounts and, for mid/high-end customers, an RM. */
export const writeOnboarding = (w: FactWriter, l: CustomerLedger): void => {
  const { plan } = l;
  const occurredAt = w.instant();
  const customerId = plan.customerId;
  w.emit({
    type: 'CustomerOnboarded',
    schemaVersion: 1,
    data: {
      customerId,
      birthDate: plan.birthDate,
      industryClass: plan.industryClass,
      occupation: plan.occupation,
      branchId: 'BR-X',
      teamId: plan.teamId,
      acquisitionChannel: plan.acquisitionChannel,
      occurredAt,
    },
  });
  for (const [accountId, kind] of [
    [plan.currentAccountId, 'current'],
    [plan.savingsAccountId, 'savings'],
  ] as const) {
    w.emit({
      type: 'AccountOpened',
      schemaVersion: 1,
      data: { customerId, accountId, kind, currency: 'CNY', occurredAt },
    });
  }
  if (plan.rmId !== null) writeRmAssigned(w, l, plan.rmId);
};

export const writeRmAssigned = (w: FactWriter, l: CustomerLedger, rmId: string): void =>
  w.emit({
    type: 'RelationshipManagerAssigned',
    schemaVersion: 1,
    data: { customerId: l.plan.customerId, rmId, teamId: l.plan.teamId, occurredAt: w.instant() },
  });

export const writeContact = (
  w: FactWriter,
  l: CustomerLedger,
  channel: ContactChannel,
  initiatedBy: ContactInitiator,
  summary: string,
): void =>
  w.emit({
    type: 'ContactLogged',
    schemaVersion: 1,
    data: {
      customerId: l.plan.customerId,
      contactId: l.nextId('CT'),
      staffId: l.plan.rmId ?? 'STAFF-LOBBY',
      channel,
      initiatedBy,
      summary,
      occurredAt: w.instant(),
    },
  });

export const writeComplaint = (
  w: FactWriter,
  l: CustomerLedger,
  category: ComplaintCategory,
  severity: ComplaintSeverity,
): void => {
  l.lastComplaintDay = w.day;
  w.emit({
    type: 'ComplaintFiled',
    schemaVersion: 1,
    data: {
      customerId: l.plan.customerId,
      complaintId: l.nextId('CP'),
      category,
      severity,
      occurredAt: w.instant(),
    },
  });
};

/** A survey id names a campaign; each customer answers a campaign at most once. */
export const writeSurvey = (
  w: FactWriter,
  l: CustomerLedger,
  surveyId: string,
  score: number,
): void =>
  w.emit({
    type: 'SurveyAnswered',
    schemaVersion: 1,
    data: { customerId: l.plan.customerId, surveyId, score, occurredAt: w.instant() },
  });

export const writeOccupationChange = (w: FactWriter, l: CustomerLedger, occupation: string): void =>
  w.emit({
    type: 'CustomerProfileChanged',
    schemaVersion: 1,
    data: { customerId: l.plan.customerId, occupation, occurredAt: w.instant() },
  });

/** Closes the emptied savings account: the customer's way of saying goodbye. */
export const writeSavingsClosed = (w: FactWriter, l: CustomerLedger): void => {
  if (l.savingsClosed || l.savingsMinor !== 0) return;
  l.savingsClosed = true;
  w.emit({
    type: 'AccountClosed',
    schemaVersion: 1,
    data: {
      customerId: l.plan.customerId,
      accountId: l.plan.savingsAccountId,
      occurredAt: w.instant(),
    },
  });
};
