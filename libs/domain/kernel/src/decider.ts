/**
 * The decider (fraktalio/fmodel, emmett): commands are decided against the folded state,
 * events evolve the state. `evolve` is total and never throws; invariants live in `decide`.
 */
export interface Decider<C, E, S> {
  decide(command: C, state: S): readonly E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

/** The left fold of `evolve` over a history. */
export const fold = <E, S>(
  evolve: (state: S, event: E) => S,
  initial: S,
  events: Iterable<E>,
): S => {
  let state = initial;
  for (const event of events) state = evolve(state, event);
  return state;
};

/** Exhaustiveness check that ends every `switch` over an event union. */
export const ignoreUnknown = (_impossible: never): void => undefined;
