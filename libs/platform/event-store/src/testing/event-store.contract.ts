import { appendContract } from './contract/append.contract';
import { appendManyContract } from './contract/append-many.contract';
import { headContract } from './contract/head.contract';
import { payloadContract } from './contract/payload.contract';
import { readContract } from './contract/read.contract';
import type { StoreUnderTest } from './contract/store-under-test';
import { subscribeContract } from './contract/subscribe.contract';

export type { StoreUnderTest } from './contract/store-under-test';

/**
 * The one contract every event store adapter passes (ARCHITECTURE.md principle 7). Each test gets
 * a fresh store from `makeStore` and works under its own stream prefix, so the suite also runs
 * against a shared EventStoreDB.
 */
export const runEventStoreContract = (
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
): void => {
  describe(`the ${name} event store`, () => {
    let underTest: StoreUnderTest | undefined;
    const current = (): StoreUnderTest => {
      if (!underTest) throw new Error('no store under test: makeStore failed');
      return underTest;
    };
    beforeEach(async () => {
      underTest = await makeStore();
    });
    afterEach(async () => {
      await underTest?.close();
      underTest = undefined;
    });

    appendContract(current);
    appendManyContract(current);
    readContract(current);
    subscribeContract(current);
    payloadContract(current);
    headContract(current);
  });
};
