import type { Decider } from '../decider';
import { fold } from '../decider';
import { DomainError } from '../domain-error';

/**
 * given(events).when(command).then(events) for deciders (STYLE.md: decider tests).
 * Usage: `spec(decider).given([...]).when(cmd).then([...])`.
 */
export const spec = <C, E, S>(decider: Decider<C, E, S>) => ({
  given: (history: readonly E[]) => ({
    when: (command: C) => {
      const run = () =>
        decider.decide(command, fold(decider.evolve, decider.initialState(), history));
      return {
        then: (expected: readonly E[]) => expect(run()).toEqual(expected),
        thenNothing: () => expect(run()).toEqual([]),
        thenThrows: (code: string) => {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          expect((caught as DomainError).code).toBe(code);
        },
      };
    },
  }),
});
