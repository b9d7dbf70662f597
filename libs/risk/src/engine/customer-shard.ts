/**
 * A share of the branch's customers, for a catch-up split over threads
 * (`runner/parallel-catch-up`): shard `index` of `count` folds the customers whose id hashes to
 * it, and every other fact only for what all shards share (the business clock, the watermark,
 * the employers).
 */
export interface CustomerShard {
  readonly index: number;
  readonly count: number;
}

/** FNV-1a over the id's UTF-16 code units: the same shard for an id in every thread and run. */
export const shardOfCustomer = (customerId: string, count: number): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < customerId.length; i++) {
    hash ^= customerId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
};
