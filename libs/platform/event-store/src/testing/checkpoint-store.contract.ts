import type { CheckpointStore } from '../checkpoint-store.port';
import { uniquePrefix } from './event-fixtures';

/** The checkpoint store contract: what a subscriber relies on to resume after a restart. */
export const runCheckpointStoreContract = (
  name: string,
  makeCheckpoints: () => Promise<{ readonly checkpoints: CheckpointStore; close(): Promise<void> }>,
): void => {
  describe(`the ${name} checkpoint store`, () => {
    it('has nothing for a subscriber that never saved, then the last saved position', async () => {
      const { checkpoints, close } = await makeCheckpoints();
      const [riskEngine, alerting] = [`${uniquePrefix()}risk-engine`, `${uniquePrefix()}alerting`];
      expect(await checkpoints.load(riskEngine)).toBeUndefined();
      await checkpoints.save(riskEngine, 41);
      await checkpoints.save(riskEngine, 9_007_199_254_740_991);
      await checkpoints.save(alerting, 7);
      expect(await checkpoints.load(riskEngine)).toBe(9_007_199_254_740_991);
      expect(await checkpoints.load(alerting)).toBe(7);
      await close();
    });
  });
};
