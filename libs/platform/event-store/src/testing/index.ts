export { runEventStoreContract, type StoreUnderTest } from './event-store.contract';
export { runCheckpointStoreContract } from './checkpoint-store.contract';
export * from './event-fixtures';
