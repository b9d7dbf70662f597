import { minimiseNelderMead } from './nelder-mead';

const rosenbrock = ([x = NaN, y = NaN]: readonly number[]): number =>
  100 * (y - x * x) ** 2 + (1 - x) ** 2;

describe('Nelder–Mead', () => {
  it('finds the Rosenbrock minimum at (1, 1) from the classic start (−1.2, 1)', () => {
    const result = minimiseNelderMead(rosenbrock, [-1.2, 1], {
      xTolerance: 1e-10,
      fTolerance: 1e-16,
    });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 7);
    expect(result.x[1]).toBeCloseTo(1, 7);
    expect(result.value).toBeLessThan(1e-14);
  });

  it.each([
    ['a shifted bowl', [0, 0, 0, 0], [1, -2, 3, 0.5]],
    ['a far start', [10, -10, 10, -10], [-1, 0, 2, 4]],
  ])('finds the minimum of %s', (_, start, minimum) => {
    const scales = [1, 10, 0.1, 3];
    const bowl = (x: readonly number[]): number =>
      x.reduce((sum, v, i) => sum + (scales[i] ?? 1) * (v - (minimum[i] ?? 0)) ** 2, 0);
    const result = minimiseNelderMead(bowl, start, { xTolerance: 1e-9, fTolerance: 1e-14 });
    result.x.forEach((v, i) => expect(v).toBeCloseTo(minimum[i] ?? NaN, 6));
  });

  it('steps around points where the objective is undefined', () => {
    const logBarrier = ([x = NaN]: readonly number[]): number => (x - 2) ** 2 - Math.log(x);
    const result = minimiseNelderMead(logBarrier, [0.1], { initialStep: -1 });
    expect(result.x[0]).toBeCloseTo(1 + Math.sqrt(1.5), 6);
  });

  it('is deterministic', () => {
    expect(minimiseNelderMead(rosenbrock, [-1.2, 1])).toEqual(
      minimiseNelderMead(rosenbrock, [-1.2, 1]),
    );
  });

  it('reports running out of evaluations', () => {
    const result = minimiseNelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 20 });
    expect(result.converged).toBe(false);
    expect(result.evaluations).toBeLessThanOrEqual(22);
  });
});
