/** Where the loop stands, for the health check, the metrics and `GET /customers/:id/risk`. */
export class LoopStatus {
  /** The position of the last input handled (0 before any). */
  position = 0;
  /** The stored checkpoint at start: outputs of inputs up to it were appended before. */
  resumedAfter = 0;
  /** The last checkpoint this process saved or found. */
  checkpoint = 0;
  /** Threads the catch-up since the start folds on (`parallel-catch-up/`); 1: this one alone. */
  catchUpThreads = 1;
  crashed = false;
  error: string | null = null;

  get failed(): boolean {
    return this.error !== null;
  }

  /** Still re-folding inputs whose outputs were appended before the last stop. */
  get rebuilding(): boolean {
    return this.position < this.resumedAfter;
  }

  resumeAfter(stored: number | undefined): void {
    this.resumedAfter = stored ?? 0;
    this.checkpoint = this.resumedAfter;
  }

  handled(position: number): void {
    this.position = position;
  }

  isAfterCheckpoint(position: number): boolean {
    return position > this.resumedAfter;
  }

  mayCheckpoint(position: number): boolean {
    return position > this.checkpoint;
  }

  checkpointed(position: number): void {
    this.checkpoint = position;
  }

  crash(): void {
    this.crashed = true;
  }

  fail(error: unknown): void {
    this.error = error instanceof Error ? error.message : String(error);
  }
}
