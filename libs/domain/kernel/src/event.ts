/**
 * A past-tense fact: `{ type, schemaVersion, data }`. The type string is the TypeScript
 * type's name. Every domain event carries its business time (`occurredAt`, ISO-8601) in data;
 * the store adds id, position and recording time around it.
 */
export type DomainEvent<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  schemaVersion: number;
  data: Readonly<Data & { occurredAt: string }>;
}>;

/** A command is imperative and carries the time it was issued (domain code has no clock). */
export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;
