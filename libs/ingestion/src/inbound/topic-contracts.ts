import {
  AccountClosedMessage,
  AccountOpenedMessage,
  TransactionMessage,
} from '../contracts/corebanking.contract';
import {
  CustomerOnboardedMessage,
  ProfileChangedMessage,
  RmAssignedMessage,
} from '../contracts/crm-customer.contract';
import {
  ProductMaturedMessage,
  ProductPurchasedMessage,
  ProductRedeemedMessage,
  ProductRolledOverMessage,
} from '../contracts/crm-product.contract';
import {
  ComplaintFiledMessage,
  ContactLoggedMessage,
  SurveyAnsweredMessage,
} from '../contracts/crm-relationship.contract';
import { PayrollBatchMessage, PayrollCreditMessage } from '../contracts/payroll.contract';
import { accountClosed, accountOpened, transactionPosted } from '../mapping/corebanking.mapper';
import { customerOnboarded, profileChanged, rmAssigned } from '../mapping/crm-customer.mapper';
import {
  productMatured,
  productPurchased,
  productRedeemed,
  productRolledOver,
} from '../mapping/crm-product.mapper';
import { complaintFiled, contactLogged, surveyAnswered } from '../mapping/crm-relationship.mapper';
import { payrollBatch, payrollCredit } from '../mapping/payroll.mapper';
import type { IngestionLimits } from './inbound-envelope';
import {
  contract,
  type AnyMessageContract,
  type ToFacts,
  type TopicContract,
} from './message-contract';
import { reject } from './rejection';
import { INBOUND_TOPIC_NAMES } from './topics';

const message = (limits: IngestionLimits): number => limits.maxMessageBytes;

/** Every message kind but the payroll batch: one customer, one fact, keyed by the customer. */
const perCustomer = <M extends object>(dto: new () => M, toFacts: ToFacts<M>): AnyMessageContract =>
  contract({ message: dto, flat: true, keyedBy: 'customerId', maxBytes: message, toFacts });

const payrollBatchContract = contract({
  message: PayrollBatchMessage,
  flat: false,
  keyedBy: 'employerId',
  maxBytes: (limits) => limits.maxPayrollBatchBytes,
  precheck: (plain, limits) => {
    const credits = plain['credits'];
    return Array.isArray(credits) && credits.length > limits.maxBatchCredits
      ? reject(
          'oversized',
          `a batch carries at most ${limits.maxBatchCredits} credits, not ${credits.length}`,
          'credits',
        )
      : undefined;
  },
  toFacts: payrollBatch,
});

const topicOf = (
  kinds: ReadonlyArray<readonly [string, AnyMessageContract]>,
  defaultKind?: string,
): TopicContract => {
  const map = new Map(kinds);
  const contracts = [...map.values()];
  return {
    defaultKind,
    kinds: map,
    // Runs for every message: a loop, not map and spread, so it allocates nothing.
    maxBytes: (limits) => {
      let largest = 0;
      for (const c of contracts) largest = Math.max(largest, c.maxBytes(limits));
      return largest;
    },
  };
};

/** Which contracts each inbound topic carries (CONTRACTS.md documents each). */
export const TOPIC_CONTRACTS: ReadonlyMap<string, TopicContract> = new Map([
  [
    INBOUND_TOPIC_NAMES.coreBankingTransactions,
    topicOf(
      [
        ['transaction', perCustomer(TransactionMessage, transactionPosted)],
        ['account-opened', perCustomer(AccountOpenedMessage, accountOpened)],
        ['account-closed', perCustomer(AccountClosedMessage, accountClosed)],
      ],
      'transaction',
    ),
  ],
  [
    INBOUND_TOPIC_NAMES.payrollDisbursements,
    topicOf([
      ['credit', perCustomer(PayrollCreditMessage, payrollCredit)],
      ['batch', payrollBatchContract],
    ]),
  ],
  [
    INBOUND_TOPIC_NAMES.crmInteractions,
    topicOf([
      ['customer-onboarded', perCustomer(CustomerOnboardedMessage, customerOnboarded)],
      ['profile-changed', perCustomer(ProfileChangedMessage, profileChanged)],
      ['rm-assigned', perCustomer(RmAssignedMessage, rmAssigned)],
      ['contact-logged', perCustomer(ContactLoggedMessage, contactLogged)],
      ['complaint-filed', perCustomer(ComplaintFiledMessage, complaintFiled)],
      ['survey-answered', perCustomer(SurveyAnsweredMessage, surveyAnswered)],
      ['product-purchased', perCustomer(ProductPurchasedMessage, productPurchased)],
      ['product-matured', perCustomer(ProductMaturedMessage, productMatured)],
      ['product-rolled-over', perCustomer(ProductRolledOverMessage, productRolledOver)],
      ['product-redeemed', perCustomer(ProductRedeemedMessage, productRedeemed)],
    ]),
  ],
]);
