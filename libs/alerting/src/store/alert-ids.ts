import { uuidV5 } from '@churn/ingestion';

/**
 * The namespace of every id alerting derives: uuidV5(URL_NAMESPACE,
 * 'urn:churn-early-warning:alerting'), written out so it can never drift (a test checks the
 * derivation). Changing it would give re-derived alerts and events new ids: never change it.
 */
export const ALERTING_NAMESPACE = '2f1b23f3-b946-5243-bbcf-007873b33d06';

/**
 * The id of the event at `revision` of `alert-<alertId>`. A retry of the same decision after a
 * lost acknowledgement carries the same ids, so the store writes nothing new (ARCHITECTURE.md
 * principle 3); another writer's batch at the same revision is caught by the repository's
 * read-back (the command id in the metadata).
 */
export const alertEventId = (alertId: string, revision: number): string =>
  uuidV5(ALERTING_NAMESPACE, `${alertId}/${revision}`);

/** The alert a risk event raises: replaying the risk event finds the same stream. */
export const alertIdForRisk = (riskEventId: string): string =>
  uuidV5(ALERTING_NAMESPACE, riskEventId);

/** One digest's idempotency key: the same notifications grouped again give the same key. */
export const digestId = (notificationIds: readonly string[]): string =>
  uuidV5(ALERTING_NAMESPACE, `digest/${[...notificationIds].sort().join(',')}`);
