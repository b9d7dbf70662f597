/**
 * FNV-1a over a customer id's UTF-16 code units, unsigned: the same number for an id in every
 * thread and run, to spread the customers of a parallel catch-up (`runner/parallel-catch-up`).
 */
const customerHash = (customerId: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < customerId.length; i++) {
    hash ^= customerId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

/** Which of `count` shards folds the customer. */
export const shardOfCustomer = (customerId: string, count: number): number =>
  customerHash(customerId) % count;
