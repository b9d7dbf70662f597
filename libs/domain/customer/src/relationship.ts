import type { DayNumber } from '@churn/domain-kernel';
import type {
  ComplaintFiled,
  ContactLogged,
  CustomerOnboarded,
  CustomerProfileChanged,
  RelationshipManagerAssigned,
  SurveyAnswered,
} from '@churn/domain-facts';
import type { CustomerBook } from './customer-book';
import { isSurveyScore, npsClassOf } from './nps';

/** Complaints kept in full; older ones survive only in the count. */
export const RECENT_COMPLAINTS_KEPT = 10;

export const onboardCustomer = (
  s: CustomerBook,
  d: CustomerOnboarded['data'],
  day: DayNumber,
): CustomerBook => {
  s.profile = {
    birthDate: d.birthDate,
    industryClass: d.industryClass,
    occupation: d.occupation,
    branchId: d.branchId,
    teamId: d.teamId,
    acquisitionChannel: d.acquisitionChannel,
    onboardedDay: s.profile?.onboardedDay ?? day,
  };
  return s;
};

/** A change before onboarding has no profile to change and is ignored. */
export const changeProfile = (s: CustomerBook, d: CustomerProfileChanged['data']): CustomerBook => {
  const profile = s.profile;
  if (profile === null) return s;
  if (d.birthDate !== undefined) profile.birthDate = d.birthDate;
  if (d.industryClass !== undefined) profile.industryClass = d.industryClass;
  if (d.occupation !== undefined) profile.occupation = d.occupation;
  if (d.branchId !== undefined) profile.branchId = d.branchId;
  if (d.teamId !== undefined) profile.teamId = d.teamId;
  return s;
};

export const assignRelationshipManager = (
  s: CustomerBook,
  d: RelationshipManagerAssigned['data'],
  day: DayNumber,
): CustomerBook => {
  s.relationshipManager = { rmId: d.rmId, teamId: d.teamId, sinceDay: day };
  return s;
};

export const fileComplaint = (
  s: CustomerBook,
  d: ComplaintFiled['data'],
  day: DayNumber,
): CustomerBook => {
  const complaints = s.complaints;
  complaints.count += 1;
  complaints.recent.push({
    complaintId: d.complaintId,
    category: d.category,
    severity: d.severity,
    day,
  });
  if (complaints.recent.length > RECENT_COMPLAINTS_KEPT) complaints.recent.shift();
  return s;
};

/** An answer off the 0..10 scale is impossible (ingestion refuses it) and ignored. */
export const answerSurvey = (
  s: CustomerBook,
  d: SurveyAnswered['data'],
  day: DayNumber,
): CustomerBook => {
  if (isSurveyScore(d.score)) {
    s.latestSurvey = { surveyId: d.surveyId, score: d.score, npsClass: npsClassOf(d.score), day };
  }
  return s;
};

/** "No contact" is a churn signal (DOMAIN.md §4), so who reached out, and when, is kept apart. */
export const logContact = (
  s: CustomerBook,
  d: ContactLogged['data'],
  day: DayNumber,
): CustomerBook => {
  const contacts = s.contacts;
  contacts.count += 1;
  contacts.lastDay = day;
  contacts.lastStaffId = d.staffId;
  if (d.initiatedBy === 'bank') contacts.lastBankInitiatedDay = day;
  else contacts.lastCustomerInitiatedDay = day;
  return s;
};
