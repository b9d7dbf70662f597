import type { FactAppend, InboundEnvelope, IngestionLimits } from './inbound-envelope';
import type { Rejection } from './rejection';

/**
 * One message kind on one topic: the DTO class it is validated as, what its Kafka key names,
 * and how it becomes facts. `subject` is the key's id (customer or employer), already checked
 * against the body.
 */
export interface MessageContract<M extends object> {
  readonly message: new () => M;
  /**
   * No nested DTO (`@Type`) in `message`: its instance is built by copying fields instead of
   * through class-transformer (`contract-validation.ts`). A spec checks every flat DTO has none.
   */
  readonly flat: boolean;
  /** The body field the Kafka key must equal; `customerId` may also come from the key alone. */
  readonly keyedBy: 'customerId' | 'employerId';
  readonly maxBytes: (limits: IngestionLimits) => number;
  /** Cheap checks on the parsed JSON before the DTO is built (e.g. a batch's credit count). */
  readonly precheck?: (
    plain: Readonly<Record<string, unknown>>,
    limits: IngestionLimits,
  ) => Rejection | undefined;
  readonly toFacts: ToFacts<M>;
}

export type ToFacts<M extends object> = (
  message: M,
  subject: string,
  envelope: InboundEnvelope,
) => readonly FactAppend[] | Rejection;

export type AnyMessageContract = MessageContract<object>;

/** Erases the DTO type for the registry; the registry only pairs a class with its own mapper. */
export const contract = <M extends object>(c: MessageContract<M>): AnyMessageContract =>
  c as unknown as AnyMessageContract;

export interface TopicContract {
  /** The kind a message without `kind` is (core banking's postings); undefined: `kind` is required. */
  readonly defaultKind?: string;
  readonly kinds: ReadonlyMap<string, AnyMessageContract>;
  /** The limit checked on the raw bytes before parsing: the largest of the topic's kinds. */
  readonly maxBytes: (limits: IngestionLimits) => number;
}
