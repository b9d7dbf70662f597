import type { Dice } from '../random/dice';
import type { EmployerPlan } from './employers';
import { employmentsOf, type Employment } from './employment';

/**
 * Which customers each employer pays: employees are spread over the branch at random, so that
 * customer numbers say nothing about payroll. A branch too small for every employee keeps the
 * first ones of each employer it can hold.
 */
export const assignEmployments = (
  employers: readonly EmployerPlan[],
  customers: number,
  dice: Dice,
): (Employment | null)[] => {
  const employments: (Employment | null)[] = new Array<Employment | null>(customers).fill(null);
  const seats = Array.from({ length: customers }, (_, i) => i);
  for (let i = seats.length - 1; i > 0; i--) {
    const j = dice.int(0, i);
    [seats[i], seats[j]] = [seats[j] as number, seats[i] as number];
  }
  let next = 0;
  for (const employer of employers) {
    for (const employment of employmentsOf(employer, dice)) {
      const seat = seats[next++];
      if (seat === undefined) return employments;
      employments[seat] = employment;
    }
  }
  return employments;
};
