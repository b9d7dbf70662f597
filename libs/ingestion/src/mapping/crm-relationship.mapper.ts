import { SCHEMA_VERSIONS } from '@churn/domain-facts';
import type {
  ComplaintFiledMessage,
  ContactLoggedMessage,
  SurveyAnsweredMessage,
} from '../contracts/crm-relationship.contract';
import type { FactAppend, InboundEnvelope } from '../inbound/inbound-envelope';
import { INBOUND_TOPIC_NAMES } from '../inbound/topics';
import { factAppend } from './fact-append';

const topic = INBOUND_TOPIC_NAMES.crmInteractions;

export const contactLogged = (
  m: ContactLoggedMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'ContactLogged',
      schemaVersion: SCHEMA_VERSIONS.ContactLogged,
      data: {
        customerId,
        contactId: m.contactId,
        staffId: m.staffId,
        channel: m.channel,
        initiatedBy: m.initiatedBy,
        summary: m.summary,
        occurredAt: m.occurredAt,
      },
    },
    { topic, what: 'contact-logged', parts: [m.contactId], correlationId: m.contactId },
    envelope,
  ),
];

export const complaintFiled = (
  m: ComplaintFiledMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'ComplaintFiled',
      schemaVersion: SCHEMA_VERSIONS.ComplaintFiled,
      data: {
        customerId,
        complaintId: m.complaintId,
        category: m.category,
        severity: m.severity,
        occurredAt: m.occurredAt,
      },
    },
    { topic, what: 'complaint-filed', parts: [m.complaintId], correlationId: m.complaintId },
    envelope,
  ),
];

/** A survey id names a campaign many customers answer, so the customer is part of the name. */
export const surveyAnswered = (
  m: SurveyAnsweredMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'SurveyAnswered',
      schemaVersion: SCHEMA_VERSIONS.SurveyAnswered,
      data: { customerId, surveyId: m.surveyId, score: m.score, occurredAt: m.occurredAt },
    },
    { topic, what: 'survey-answered', parts: [m.surveyId, customerId], correlationId: m.surveyId },
    envelope,
  ),
];
