// A real BatchHandler for tests, standing in for ingestion: accepts JSON objects with
// `"ok": true`, rejects the rest with stable reason codes, and records what it accepted in an
// idempotent fake store keyed by source coordinates (as the event store dedupes by event id).
import { ACCEPTED, rejected, type BatchHandler, type Verdict } from '../batch-handler';
import type { InboundMessage } from '../inbound-message';

export interface JsonTestHandlerOptions {
  /** Runs before each call is judged: throw to fake a store outage, await to fake a hang. */
  readonly beforeHandle?: (
    messages: readonly InboundMessage[],
    call: number,
  ) => Promise<void> | void;
}

export class JsonTestHandler implements BatchHandler {
  /** Every call's messages, in call order (retries included). */
  readonly calls: (readonly InboundMessage[])[] = [];
  /** The fake store: coordinate → accepted value, written once per coordinate. */
  readonly stored = new Map<string, unknown>();
  /** How often each coordinate was accepted: > 1 means a redelivery reached the store. */
  readonly acceptCounts = new Map<string, number>();

  constructor(private readonly options: JsonTestHandlerOptions = {}) {}

  async handle(messages: readonly InboundMessage[]): Promise<readonly Verdict[]> {
    this.calls.push(messages);
    await this.options.beforeHandle?.(messages, this.calls.length);
    return messages.map((m) => this.judge(m));
  }

  /** Coordinates accepted more than once. */
  duplicates(): string[] {
    return [...this.acceptCounts].filter(([, n]) => n > 1).map(([c]) => c);
  }

  private judge(message: InboundMessage): Verdict {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch (error) {
      return rejected('malformed-json', { detail: (error as Error).message });
    }
    if (typeof parsed !== 'object' || parsed === null || (parsed as { ok?: unknown }).ok !== true)
      return rejected('not-ok', { field: 'ok', detail: 'expected "ok": true' });
    const at = coordinate(message);
    if (!this.stored.has(at)) this.stored.set(at, parsed);
    this.acceptCounts.set(at, (this.acceptCounts.get(at) ?? 0) + 1);
    return ACCEPTED;
  }
}

export function coordinate(m: Pick<InboundMessage, 'topic' | 'partition' | 'offset'>): string {
  return `${m.topic}/${m.partition}/${m.offset}`;
}
