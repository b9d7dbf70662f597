/** A refused command. `code` is stable: the HTTP edge maps codes, callers branch on them. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
