import { PRODUCT_KINDS, type ProductKind } from '@churn/domain-facts';
import { MinorAmount, type AmountInput } from './amount-rules';
import { CrmMessage } from './crm-message';
import { CalendarDate, Currency, Id, OneOf } from './field-rules';
import { Nullable } from './optional';

/** Products are held as holdings; a holding's maturity not rolled over is a churn signal (DOMAIN.md §4). */
export class ProductPurchasedMessage extends CrmMessage {
  @Id() holdingId!: string;
  @Id() productId!: string;
  @OneOf(PRODUCT_KINDS) productKind!: ProductKind;
  @Id() fundedFromAccountId!: string;
  @MinorAmount(1) principalMinor!: AmountInput;
  @Currency() currency!: string;
  /** null for open-ended products (funds, some wealth products). */
  @Nullable() @CalendarDate() maturesOn!: string | null;
}

export class ProductMaturedMessage extends CrmMessage {
  @Id() holdingId!: string;
  /** Zero is possible (a wealth product can lose its principal); negative is not. */
  @MinorAmount(0) proceedsMinor!: AmountInput;
  @Id() creditedToAccountId!: string;
}

export class ProductRolledOverMessage extends CrmMessage {
  @Id() holdingId!: string;
  @MinorAmount(1) principalMinor!: AmountInput;
  @Nullable() @CalendarDate() maturesOn!: string | null;
}

export class ProductRedeemedMessage extends CrmMessage {
  @Id() holdingId!: string;
  @MinorAmount(0) proceedsMinor!: AmountInput;
  @Id() creditedToAccountId!: string;
}
