// Webhook channel: a signed JSON POST (e.g. to the bank's mobile push gateway), retried with
// exponential backoff and jitter on what may pass (network errors, timeouts, 429, 5xx), never on
// what will not (other 4xx). Every attempt carries the same Idempotency-Key, so a receiver that
// got a request whose answer was lost recognises the retry.
import {
  delivered,
  failed,
  type DeliveryResult,
  type NotificationSender,
  type OutboundNotification,
} from './channel';
import { describeError, errorName } from './describe-error';
import { WebhookHeaders, signWebhookBody } from './webhook-signature';

export interface WebhookBackoff {
  /** The wait before the first retry; doubled for each further one. */
  readonly initialMs: number;
  readonly maxMs: number;
}

export interface WebhookSenderOptions {
  /** Shared with the receivers; comes from configuration, never from code. */
  readonly secret: string;
  /** Attempts per notification, the first included. Default 3. */
  readonly maxAttempts?: number;
  /** Per attempt, body included. Default 5 s. */
  readonly attemptTimeoutMs?: number;
  /** Default 500 ms doubling up to 10 s. */
  readonly backoff?: WebhookBackoff;
  /** Injected so tests do not really wait; default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** In [0, 1), for the jitter; default Math.random. */
  readonly random?: () => number;
  readonly nowSeconds?: () => number;
}

/** The JSON every webhook receives. */
export interface WebhookBody {
  readonly notificationId: string;
  readonly alertId: string;
  readonly staffId: string;
  readonly severity: string;
  readonly subject: string;
  readonly text: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

type AttemptOutcome =
  | {
      readonly kind: 'answered';
      readonly status: number;
      readonly said: string;
      readonly retryAfterMs: number;
    }
  | { readonly kind: 'unreachable'; readonly reason: string };

const DEFAULT_BACKOFF: WebhookBackoff = { initialMs: 500, maxMs: 10_000 };
const sleepFor = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export class WebhookSender implements NotificationSender {
  readonly channel = 'webhook' as const;
  private readonly secret: string;
  private readonly maxAttempts: number;
  private readonly attemptTimeoutMs: number;
  private readonly backoff: WebhookBackoff;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly nowSeconds: () => number;

  constructor(options: WebhookSenderOptions) {
    if (options.secret.length === 0) throw new Error('WebhookSender: the signing secret is empty');
    this.secret = options.secret;
    this.maxAttempts = options.maxAttempts ?? 3;
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1)
      throw new Error(
        `WebhookSender: maxAttempts must be a positive integer, got ${this.maxAttempts}`,
      );
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 5_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.sleep = options.sleep ?? sleepFor;
    this.random = options.random ?? Math.random;
    this.nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  }

  async send(n: OutboundNotification): Promise<DeliveryResult> {
    const url = parseHttpUrl(n.recipient.webhookUrl);
    if (url === undefined)
      return n.recipient.webhookUrl === null
        ? failed(`no webhook URL for ${n.recipient.staffId}`)
        : failed(`webhook URL of ${n.recipient.staffId} is not an http(s) URL`);
    const where = `webhook ${redacted(url)}`;
    const body = JSON.stringify(webhookBody(n));
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.post(url, body, n.notificationId);
      if (outcome.kind === 'answered' && outcome.status < 300)
        return delivered(`${where} answered ${outcome.said} on attempt ${attempt}`);
      const retryable = outcome.kind === 'unreachable' || isRetryable(outcome.status);
      if (!retryable && outcome.kind === 'answered')
        return failed(`${where} answered ${outcome.said} on attempt ${attempt}; not retried`);
      if (attempt >= this.maxAttempts) return failed(exhausted(where, outcome, attempt));
      const retryAfterMs = outcome.kind === 'answered' ? outcome.retryAfterMs : 0;
      // A receiver's Retry-After is honoured up to our own longest wait, never beyond it.
      const wait = Math.max(
        this.delayBeforeRetry(attempt),
        Math.min(retryAfterMs, this.backoff.maxMs),
      );
      await this.sleep(wait);
    }
  }

  /** Exponential with "equal jitter": half the step for sure, the other half at random. */
  private delayBeforeRetry(retry: number): number {
    const step = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** (retry - 1));
    return Math.round(step / 2 + this.random() * (step / 2));
  }

  private async post(url: URL, body: string, idempotencyKey: string): Promise<AttemptOutcome> {
    // Stamped per attempt, so a late retry still falls inside the receiver's tolerance.
    const timestamp = this.nowSeconds();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [WebhookHeaders.idempotencyKey]: idempotencyKey,
          [WebhookHeaders.timestamp]: String(timestamp),
          [WebhookHeaders.signature]: signWebhookBody(this.secret, timestamp, body),
        },
        body,
        // A redirect is not followed: the signed alert goes only where configuration says.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.attemptTimeoutMs),
      });
      const answer = (await response.text()).replace(/\s+/g, ' ').trim().slice(0, 200);
      const said = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return {
        kind: 'answered',
        status: response.status,
        said: answer === '' ? said : `${said} ("${answer}")`,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      };
    } catch (error) {
      const timedOut = errorName(error) === 'TimeoutError';
      return {
        kind: 'unreachable',
        reason: timedOut ? `no answer within ${this.attemptTimeoutMs} ms` : describeError(error),
      };
    }
  }
}

export function webhookBody(n: OutboundNotification): WebhookBody {
  return {
    notificationId: n.notificationId,
    alertId: n.alertId,
    staffId: n.recipient.staffId,
    severity: n.severity,
    subject: n.subject,
    text: n.text,
    payload: n.payload,
  };
}

/** A 4xx other than 429 says the request itself is wrong: sending it again cannot help. */
function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

function exhausted(where: string, outcome: AttemptOutcome, attempts: number): string {
  const times = `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  return outcome.kind === 'answered'
    ? `${where} answered ${outcome.said} ${times}`
    : `${where} unreachable ${times}: ${outcome.reason}`;
}

function parseHttpUrl(value: string | null): URL | undefined {
  if (value === null || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

/** Failure texts are recorded in events and logs: drop credentials and query tokens. */
function redacted(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** Retry-After in seconds (the HTTP-date form is rare for webhooks and ignored). */
function retryAfterMs(header: string | null): number {
  return header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : 0;
}
