/** Drains an async iterable into an array: a stream read before a fold, or a test's expectation. */
export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};
