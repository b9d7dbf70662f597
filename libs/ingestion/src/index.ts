export { decodeMessage } from './inbound/decode-message';
export {
  DEFAULT_INGESTION_LIMITS,
  type Decoded,
  type DecodedFacts,
  type DecodeOptions,
  type FactAppend,
  type InboundEnvelope,
  type IngestionLimits,
} from './inbound/inbound-envelope';
export { REJECTION_REASONS, type Rejection, type RejectionReason } from './inbound/rejection';
export { INBOUND_TOPIC_NAMES } from './inbound/topics';
export { COREBANKING_KINDS, type CoreBankingKind } from './contracts/corebanking.contract';
export { PAYROLL_KINDS, type PayrollKind } from './contracts/payroll.contract';
export { CRM_KINDS, type CrmKind } from './contracts/crm-message';
export { ISO_4217_CURRENCIES, type CurrencyCode } from './contracts/currencies';
export { MAX_ID_LENGTH, MAX_LABEL_LENGTH, MAX_SUMMARY_LENGTH } from './contracts/field-rules';
export { INGESTION_NAMESPACE, eventName, factEventId } from './event-ids/fact-event-id';
export { uuidV5 } from './event-ids/uuid-v5';
export { customerStream } from './mapping/fact-append';
export { FactIngestionHandler } from './consume/fact-ingestion.handler';
export { IN_THREAD_DECODER, type ChunkDecoder } from './consume/chunk-decoder';
export { WorkerDecoder } from './consume/decode-worker/worker-decoder';
export { IngestionModule } from './consume/ingestion.module';
export { defaultIngestionSettings, type IngestionSettings } from './consume/ingestion.settings';
export { ingestNdjsonFile, type FeedLine, type FileIngestionReport } from './file/ndjson-ingestion';
export { factMessage, type FactMessage, type InboundTopicName } from './outbound/fact-message';
export { payrollBatchMessage } from './outbound/payroll-batch-message';
export { messageEnvelope, type MessageCoordinates } from './outbound/message-envelope';
