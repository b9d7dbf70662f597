import { SCHEMA_VERSIONS, type CustomerProfileChanged } from '@churn/domain-facts';
import type {
  CustomerOnboardedMessage,
  ProfileChangedMessage,
  RmAssignedMessage,
} from '../contracts/crm-customer.contract';
import type { FactAppend, InboundEnvelope } from '../inbound/inbound-envelope';
import { reject, type Rejection } from '../inbound/rejection';
import { INBOUND_TOPIC_NAMES } from '../inbound/topics';
import { coordinatesSource, factAppend, instantPart } from './fact-append';

const topic = INBOUND_TOPIC_NAMES.crmInteractions;

/** A customer is onboarded once: the customer id names the fact. */
export const customerOnboarded = (
  m: CustomerOnboardedMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'CustomerOnboarded',
      schemaVersion: SCHEMA_VERSIONS.CustomerOnboarded,
      data: {
        customerId,
        birthDate: m.birthDate,
        industryClass: m.industryClass,
        occupation: m.occupation,
        branchId: m.branchId,
        teamId: m.teamId,
        acquisitionChannel: m.acquisitionChannel,
        occurredAt: m.occurredAt,
      },
    },
    { topic, what: 'customer-onboarded', parts: [customerId], correlationId: customerId },
    envelope,
  ),
];

const PROFILE_FIELDS = ['birthDate', 'industryClass', 'occupation', 'branchId', 'teamId'] as const;

/**
 * A profile change has no id of its own, so its Kafka coordinates name it. Applying one twice
 * sets the same values twice, so a producer's duplicate does no harm to the fold.
 */
export const profileChanged = (
  m: ProfileChangedMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] | Rejection => {
  const changes: Partial<Record<(typeof PROFILE_FIELDS)[number], string>> = {};
  for (const field of PROFILE_FIELDS) if (m[field] !== undefined) changes[field] = m[field];
  if (Object.keys(changes).length === 0) {
    return reject(
      'schema-violation',
      `a profile change names at least one of ${PROFILE_FIELDS.join(', ')}`,
    );
  }
  const data = {
    customerId,
    ...changes,
    occurredAt: m.occurredAt,
  } as CustomerProfileChanged['data'];
  const fact: CustomerProfileChanged = {
    type: 'CustomerProfileChanged',
    schemaVersion: SCHEMA_VERSIONS.CustomerProfileChanged,
    data,
  };
  return [factAppend(fact, coordinatesSource(topic, 'profile-changed', envelope), envelope)];
};

/** No assignment id exists upstream; who was assigned to whom, and when, names it. */
export const rmAssigned = (
  m: RmAssignedMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => {
  const parts = [customerId, m.rmId, instantPart(m.occurredAt)];
  return [
    factAppend(
      {
        type: 'RelationshipManagerAssigned',
        schemaVersion: SCHEMA_VERSIONS.RelationshipManagerAssigned,
        data: { customerId, rmId: m.rmId, teamId: m.teamId, occurredAt: m.occurredAt },
      },
      { topic, what: 'rm-assigned', parts, correlationId: parts.join('|') },
      envelope,
    ),
  ];
};
