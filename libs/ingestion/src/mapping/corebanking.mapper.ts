import { SCHEMA_VERSIONS } from '@churn/domain-facts';
import type {
  AccountClosedMessage,
  AccountOpenedMessage,
  TransactionMessage,
} from '../contracts/corebanking.contract';
import { toMinorUnits } from '../contracts/amount-rules';
import type { FactAppend, InboundEnvelope } from '../inbound/inbound-envelope';
import { INBOUND_TOPIC_NAMES } from '../inbound/topics';
import { factAppend } from './fact-append';

const topic = INBOUND_TOPIC_NAMES.coreBankingTransactions;

/** A posting is identified by core banking's own transaction id. */
export const transactionPosted = (
  m: TransactionMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'TransactionPosted',
      schemaVersion: SCHEMA_VERSIONS.TransactionPosted,
      data: {
        customerId,
        accountId: m.accountId,
        transactionId: m.transactionId,
        direction: m.direction,
        amountMinor: toMinorUnits(m.amountMinor),
        currency: m.currency,
        channel: m.channel,
        counterpartyBank: m.counterpartyBank,
        otherBank: m.otherBank,
        category: m.category,
        occurredAt: m.occurredAt,
      },
    },
    { topic, what: 'txn', parts: [m.transactionId], correlationId: m.transactionId },
    envelope,
  ),
];

/** An account opens and closes once, so the account id alone names each fact. */
export const accountOpened = (
  m: AccountOpenedMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'AccountOpened',
      schemaVersion: SCHEMA_VERSIONS.AccountOpened,
      data: {
        customerId,
        accountId: m.accountId,
        kind: m.accountKind,
        currency: m.currency,
        occurredAt: m.occurredAt,
      },
    },
    { topic, what: 'account-opened', parts: [m.accountId], correlationId: m.accountId },
    envelope,
  ),
];

export const accountClosed = (
  m: AccountClosedMessage,
  customerId: string,
  envelope: InboundEnvelope,
): readonly FactAppend[] => [
  factAppend(
    {
      type: 'AccountClosed',
      schemaVersion: SCHEMA_VERSIONS.AccountClosed,
      data: { customerId, accountId: m.accountId, occurredAt: m.occurredAt },
    },
    { topic, what: 'account-closed', parts: [m.accountId], correlationId: m.accountId },
    envelope,
  ),
];
