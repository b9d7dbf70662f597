import { runCheckpointStoreContract, runEventStoreContract } from '../testing';
import { InMemoryCheckpointStore } from './in-memory-checkpoint-store';
import { InMemoryEventStore } from './in-memory-event-store';

runEventStoreContract('in-memory', async () => ({
  store: new InMemoryEventStore(),
  close: async () => undefined,
}));

runCheckpointStoreContract('in-memory', async () => ({
  checkpoints: new InMemoryCheckpointStore(),
  close: async () => undefined,
}));
