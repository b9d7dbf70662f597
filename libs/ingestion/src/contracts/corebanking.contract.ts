import {
  ACCOUNT_KINDS,
  TRANSACTION_CATEGORIES,
  TRANSACTION_CHANNELS,
  TRANSACTION_DIRECTIONS,
  type AccountKind,
  type TransactionCategory,
  type TransactionChannel,
  type TransactionDirection,
} from '@churn/domain-facts';
import { IsBoolean, IsIn } from 'class-validator';
import { MinorAmount, type AmountInput } from './amount-rules';
import { Currency, Id, Instant, MAX_LABEL_LENGTH, OneOf, Text } from './field-rules';
import { Nullable, Optional } from './optional';

/**
 * `corebanking.transactions.v1`, keyed by customer id. Core banking owns accounts, so account
 * openings and closings travel here too, in the same partition as the customer's postings:
 * an account's opening is then always read before its first posting.
 */
export const COREBANKING_KINDS = ['transaction', 'account-opened', 'account-closed'] as const;
export type CoreBankingKind = (typeof COREBANKING_KINDS)[number];

abstract class CoreBankingMessage {
  /** Absent means 'transaction': postings are nearly all of the traffic. */
  @Optional() @IsIn([...COREBANKING_KINDS]) kind?: CoreBankingKind;
  /** May be left out when the Kafka key carries it; must equal the key when both are given. */
  @Optional() @Id() customerId?: string;
  @Id() accountId!: string;
  @Instant() occurredAt!: string;
}

export class TransactionMessage extends CoreBankingMessage {
  /** Core banking's own posting id: the event id derives from it. */
  @Id() transactionId!: string;
  @OneOf(TRANSACTION_DIRECTIONS) direction!: TransactionDirection;
  @MinorAmount(1) amountMinor!: AmountInput;
  @Currency() currency!: string;
  @OneOf(TRANSACTION_CHANNELS) channel!: TransactionChannel;
  /** The other bank's name or code; null when the money stays inside the bank. */
  @Nullable() @Text(MAX_LABEL_LENGTH) counterpartyBank!: string | null;
  @IsBoolean() otherBank!: boolean;
  @OneOf(TRANSACTION_CATEGORIES) category!: TransactionCategory;
}

export class AccountOpenedMessage extends CoreBankingMessage {
  /** `kind` names the message, so the account's kind travels as `accountKind`. */
  @OneOf(ACCOUNT_KINDS) accountKind!: AccountKind;
  @Currency() currency!: string;
}

export class AccountClosedMessage extends CoreBankingMessage {}
