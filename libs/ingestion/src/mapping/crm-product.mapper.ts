import { SCHEMA_VERSIONS } from '@churn/domain-facts';
import { toMinorUnits } from '../contracts/amount-rules';
import type {
  ProductMaturedMessage,
  ProductPurchasedMessage,
  ProductRedeemedMessage,
  ProductRolledOverMessage,
} from '../contracts/crm-product.contract';
import type { FactAppend, InboundEnvelope } from '../inbound/inbound-envelope';
import { INBOUND_TOPIC_NAMES } from '../inbound/topics';
import { factAppend, instantPart, type FactSource } from './fact-append';

const topic = INBOUND_TOPIC_NAMES.crmInteractions;

/**
 * A holding is bought, matures and is redeemed at most once, so the holding id and the kind
 * name those facts; it may roll over many times, so a rollover adds its business time.
 */
const holdingSource = (what: string, holdingId: string, occurredAt?: string): FactSource => ({
  topic,
  what,
  parts: occurredAt === undefined ? [holdingId] : [holdingId, instantPart(occurredAt)],
  correlationId: holdingId,
});

export const productPurchased = (
  m: ProductPurchasedMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'ProductPurchased',
      schemaVersion: SCHEMA_VERSIONS.ProductPurchased,
      data: {
        customerId,
        holdingId: m.holdingId,
        productId: m.productId,
        productKind: m.productKind,
        fundedFromAccountId: m.fundedFromAccountId,
        principalMinor: toMinorUnits(m.principalMinor),
        currency: m.currency,
        maturesOn: m.maturesOn,
        occurredAt: m.occurredAt,
      },
    },
    holdingSource('product-purchased', m.holdingId),
    envelope,
  ),
];

export const productMatured = (
  m: ProductMaturedMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'ProductMatured',
      schemaVersion: SCHEMA_VERSIONS.ProductMatured,
      data: {
        customerId,
        holdingId: m.holdingId,
        proceedsMinor: toMinorUnits(m.proceedsMinor),
        creditedToAccountId: m.creditedToAccountId,
        occurredAt: m.occurredAt,
      },
    },
    holdingSource('product-matured', m.holdingId),
    envelope,
  ),
];

export const productRolledOver = (
  m: ProductRolledOverMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'ProductRolledOver',
      schemaVersion: SCHEMA_VERSIONS.ProductRolledOver,
      data: {
        customerId,
        holdingId: m.holdingId,
        principalMinor: toMinorUnits(m.principalMinor),
        maturesOn: m.maturesOn,
        occurredAt: m.occurredAt,
      },
    },
    holdingSource('product-rolled-over', m.holdingId, m.occurredAt),
    envelope,
  ),
];

export const productRedeemed = (
  m: ProductRedeemedMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'ProductRedeemed',
      schemaVersion: SCHEMA_VERSIONS.ProductRedeemed,
      data: {
        customerId,
        holdingId: m.holdingId,
        proceedsMinor: toMinorUnits(m.proceedsMinor),
        creditedToAccountId: m.creditedToAccountId,
        occurredAt: m.occurredAt,
      },
    },
    holdingSource('product-redeemed', m.holdingId),
    envelope,
  ),
];
