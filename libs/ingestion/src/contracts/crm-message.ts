import { IsIn } from 'class-validator';
import { Id, Instant } from './field-rules';
import { Optional } from './optional';

/** `crm.interactions.v1`, keyed by customer id; `kind` names the interaction. */
export const CRM_KINDS = [
  'customer-onboarded',
  'profile-changed',
  'rm-assigned',
  'contact-logged',
  'complaint-filed',
  'survey-answered',
  'product-purchased',
  'product-matured',
  'product-rolled-over',
  'product-redeemed',
] as const;
export type CrmKind = (typeof CRM_KINDS)[number];

export abstract class CrmMessage {
  @IsIn([...CRM_KINDS]) kind!: CrmKind;
  /** May be left out when the Kafka key carries it; must equal the key when both are given. */
  @Optional() @Id() customerId?: string;
  @Instant() occurredAt!: string;
}
