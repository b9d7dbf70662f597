import { Worker } from 'node:worker_threads';
import { threadEntry, threadOptions } from '@churn/config';
import type { DecodeOptions, Decoded, InboundEnvelope } from '../../inbound/inbound-envelope';
import type { ChunkDecoder } from '../chunk-decoder';
import {
  DECODE_WORKER_MARK,
  toRequestEnvelope,
  type DecodeReply,
  type DecodeRequest,
} from './decode-request';
// Imported for the build only (a no-op here): tsc emits what is imported, and the thread runs it.
import './decode-worker.entry';

interface Waiting {
  readonly resolve: (decoded: readonly Decoded[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Decodes on a worker thread, so that a two-core machine parses and validates on one core while
 * the consumer's thread fetches and appends on the other: decoding was most of that thread's
 * time. Each chunk crosses by structured clone (a few µs per record each way). If the thread
 * dies, the chunks it held are rejected (the consumer retries them) and the next chunk starts a
 * new one. Started on first use, so a process that never consumes never starts it.
 */
export class WorkerDecoder implements ChunkDecoder {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private requests = 0;
  private closed = false;

  decode(
    messages: readonly InboundEnvelope[],
    options: DecodeOptions,
  ): Promise<readonly Decoded[]> {
    if (this.closed) return Promise.reject(new Error('the decode worker is closed'));
    const worker = this.worker ?? this.start();
    const request: DecodeRequest = {
      id: ++this.requests,
      nowMs: options.now.getTime(),
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      messages: messages.map(toRequestEnvelope),
    };
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.fail(worker, new Error('the decode worker was closed'));
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(ENTRY, threadOptions(__filename, { mark: DECODE_WORKER_MARK }));
    // The consumer keeps the process alive while there is work; an idle decoder must not.
    worker.unref();
    worker.on('message', (reply: DecodeReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      waiting?.resolve(reply.decoded);
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`the decode worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  /** Every request in flight was on this worker: all of them fail with it. */
  private fail(worker: Worker | undefined, error: unknown): void {
    if (worker === undefined || worker !== this.worker) return;
    this.worker = undefined;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

const ENTRY = threadEntry(__filename, 'decode-worker.entry');
