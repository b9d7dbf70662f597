// A real HTTP receiver for webhook tests (node:http on 127.0.0.1, a free port). It records every
// request with its headers, parsed body and whether the signature verifies with the shared
// secret, and answers with a scripted sequence of statuses (then 200), to test retries.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { WebhookHeaders, verifyWebhookSignature } from '../webhook-signature';
import { pollFor } from './poll-for';

export interface ReceivedWebhook {
  readonly method: string;
  /** Path and query, e.g. "/push?tenant=a". */
  readonly path: string;
  /** Lower-cased names, e.g. headers['idempotency-key']. */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** The JSON body, or undefined when it was not JSON. */
  readonly body: unknown;
  /** verifyWebhookSignature over the raw body with the receiver's secret and tolerance. */
  readonly signatureValid: boolean;
  /** What the receiver answered (or is about to, for a delayed reply). */
  readonly status: number;
}

/** A status, or a status sent after a delay (to make the sender's per-attempt timeout fire). */
export type WebhookReply =
  | number
  | {
      readonly status: number;
      readonly delayMs?: number;
      readonly headers?: Readonly<Record<string, string>>;
    };

export interface WebhookReceiverOptions {
  readonly secret: string;
  /** Default 300 s. */
  readonly toleranceSeconds?: number;
  readonly nowSeconds?: () => number;
}

export interface WebhookReceiver {
  /** e.g. http://127.0.0.1:40123/hooks/churn */
  readonly url: string;
  readonly requests: readonly ReceivedWebhook[];
  /** Replaces the scripted replies: the next requests get these, in order; afterwards 200. */
  respondWith(...replies: WebhookReply[]): void;
  /** Resolves with the requests once at least `count` arrived; rejects after the timeout. */
  waitForRequests(count: number, timeoutMs?: number): Promise<readonly ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  options: WebhookReceiverOptions,
): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  let replies: WebhookReply[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [name, [value ?? ''].flat().join(', ')]),
    );
    const reply = replies.shift() ?? 200;
    const {
      status,
      delayMs = 0,
      headers: replyHeaders = {},
    } = typeof reply === 'number' ? { status: reply } : reply;
    requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      headers,
      rawBody,
      body: parseJson(rawBody),
      signatureValid: verifyWebhookSignature(
        options.secret,
        headers[WebhookHeaders.timestamp.toLowerCase()] ?? '',
        rawBody,
        headers[WebhookHeaders.signature.toLowerCase()],
        nowSeconds(),
        options.toleranceSeconds ?? 300,
      ),
      status,
    });
    const answer = (): void => {
      if (!res.writableEnded && !res.destroyed) res.writeHead(status, { ...replyHeaders }).end();
    };
    if (delayMs === 0) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, delayMs);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('startWebhookReceiver: the server has no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}/hooks/churn`,
    requests,
    respondWith: (...next) => void (replies = [...next]),
    waitForRequests: (count, timeoutMs = 5_000) =>
      pollFor(
        () => requests.length >= count,
        timeoutMs,
        () => `${requests.length} of ${count} webhooks`,
      ).then(() => requests),
    close: () => {
      timers.forEach(clearTimeout);
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets (fetch pools them) would hold close() open.
        server.closeAllConnections();
      });
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
