// kafkajs' createTopics({ waitForLeaders: true }) only tolerates LEADER_NOT_AVAILABLE while it
// waits, but a KRaft broker answers UNKNOWN_TOPIC_OR_PARTITION until the new topic reaches its
// metadata cache, and kafkajs then fails a creation that succeeded. So we wait ourselves.
import type { Admin } from 'kafkajs';

const STILL_PROPAGATING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);
const POLL_MS = 100;

/** Resolves once every topic shows all its partitions with a leader. */
export async function waitForLeaders(
  admin: Admin,
  expected: ReadonlyMap<string, number>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const problem = await notReadyBecause(admin, expected);
    if (problem === undefined) return;
    if (Date.now() >= deadline) {
      const names = [...expected.keys()].join(', ');
      throw new Error(`Topics ${names} not ready after ${timeoutMs} ms: ${problem}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function notReadyBecause(
  admin: Admin,
  expected: ReadonlyMap<string, number>,
): Promise<string | undefined> {
  const names = [...expected.keys()];
  try {
    // Listing first: asking for a topic's metadata before the broker knows it makes kafkajs
    // log an ERROR per poll, which would cry wolf in every service's start-up log.
    const known = new Set(await admin.listTopics());
    const unknown = names.filter((name) => !known.has(name));
    if (unknown.length > 0) return `not yet known: ${unknown.join(', ')}`;
    const { topics } = await admin.fetchTopicMetadata({ topics: names });
    const ready = topics.filter(
      (t) =>
        t.partitions.length === expected.get(t.name) && t.partitions.every((p) => p.leader >= 0),
    );
    return ready.length === expected.size
      ? undefined
      : `${expected.size - ready.length} topic(s) without all partition leaders`;
  } catch (error) {
    const type = (error as { type?: unknown }).type;
    if (typeof type === 'string' && STILL_PROPAGATING.has(type)) return type;
    throw error;
  }
}
