import { uuidV5 } from './uuid-v5';

/** RFC 4122 Appendix C: the URL namespace. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * The namespace of every id ingestion derives: uuidV5(URL_NAMESPACE,
 * 'urn:churn-early-warning:ingestion'), written out so that it can never drift (a test checks
 * the derivation). Changing it would give every redelivered fact a new id: never change it.
 */
export const INGESTION_NAMESPACE = '38023c69-95eb-5da3-bc37-ad77d59e65c0';

/**
 * `|` joins the parts of a name, so a `|` (or the escape `%`) inside a part is escaped: without
 * it employer 'A|B' with batch 'C' and employer 'A' with batch 'B|C' would share an id.
 */
const escapePart = (part: string): string =>
  part.includes('|') || part.includes('%') ? part.replace(/%/g, '%25').replace(/\|/g, '%7C') : part;

/** The readable name an event id is derived from, e.g. `corebanking.transactions.v1|txn|T-1`. */
export const eventName = (topic: string, what: string, parts: readonly string[]): string =>
  `${topic}|${what}|${parts.map(escapePart).join('|')}`;

/** The deterministic event id of a fact: the same source always yields the same UUID. */
export const factEventId = (topic: string, what: string, parts: readonly string[]): string =>
  uuidV5(INGESTION_NAMESPACE, eventName(topic, what, parts));
