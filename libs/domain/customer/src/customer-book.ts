import type { CustomerState } from './customer-state';

/** The fold's own view of the same objects, writable; never exported from the library. */
export type Writable<T> =
  T extends ReadonlyMap<infer K, infer V>
    ? Map<K, Writable<V>>
    : T extends readonly (infer U)[]
      ? Writable<U>[]
      : T extends object
        ? { -readonly [K in keyof T]: Writable<T[K]> }
        : T;

export type CustomerBook = Writable<CustomerState>;
