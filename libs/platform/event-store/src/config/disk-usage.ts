import { statfs } from 'node:fs/promises';

/** The filesystem that holds a store's files, in bytes. */
export interface DiskUsage {
  /** What this process may still write: the root-reserved blocks left out, as `df` shows them. */
  readonly availableBytes: number;
  readonly totalBytes: number;
}

/** One `statfs` of the filesystem holding `path`: cheap enough to read at every scrape. */
export const filesystemUsage = async (path: string): Promise<DiskUsage> => {
  const fs = await statfs(path);
  return { availableBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize };
};
