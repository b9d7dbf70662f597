import type { DomainEvent } from '@churn/domain-kernel';
import type {
  ComplaintCategory,
  ComplaintSeverity,
  ContactChannel,
  ContactInitiator,
} from './vocabulary';

export type ComplaintFiled = DomainEvent<
  'ComplaintFiled',
  {
    customerId: string;
    complaintId: string;
    category: ComplaintCategory;
    severity: ComplaintSeverity;
  }
>;

/** An NPS answer, integer 0..10 (thesis §3.3: 0–6 detractor, 7–8 passive, 9–10 promoter). */
export type SurveyAnswered = DomainEvent<
  'SurveyAnswered',
  { customerId: string; surveyId: string; score: number }
>;

/** Staff and customer spoke; 45.4% of surveyed customers never hear from the bank (DOMAIN.md §4). */
export type ContactLogged = DomainEvent<
  'ContactLogged',
  {
    customerId: string;
    contactId: string;
    staffId: string;
    channel: ContactChannel;
    initiatedBy: ContactInitiator;
    summary: string;
  }
>;
