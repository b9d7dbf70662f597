// The decode thread's program: decodeMessage, exactly as on the consumer's thread, for each
// record of a request. decodeMessage is total (it never throws), so every request gets a reply.
// `worker-decoder.ts` imports this file so that a service build (tsc following imports) emits
// it; anywhere but on a thread started by WorkerDecoder it does nothing.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { decodeMessage } from '../../inbound/decode-message';
import {
  asBuffer,
  DECODE_WORKER_MARK,
  type DecodeReply,
  type DecodeRequest,
} from './decode-request';

const serve = (port: MessagePort): void => {
  port.on('message', ({ id, nowMs, limits, messages }: DecodeRequest) => {
    const options = { now: new Date(nowMs), ...(limits === undefined ? {} : { limits }) };
    const decoded = messages.map((message) =>
      decodeMessage(
        { ...message, key: asBuffer(message.key), value: asBuffer(message.value) },
        options,
      ),
    );
    const reply: DecodeReply = { id, decoded };
    port.postMessage(reply);
  });
};

if (parentPort !== null && (workerData as { mark?: unknown } | null)?.mark === DECODE_WORKER_MARK)
  serve(parentPort);
