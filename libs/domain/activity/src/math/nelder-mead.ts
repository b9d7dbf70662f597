/**
 * Nelder–Mead simplex minimisation (Lagarias et al. 1998 coefficients: reflect 1, expand 2,
 * contract ½, shrink ½). Deterministic: the start point and step fix the first simplex. After
 * the simplex collapses it is rebuilt around the best point and run again, until a restart no
 * longer improves the value by more than `fTolerance` — a collapsed simplex is not always a
 * minimum.
 */
export interface NelderMeadOptions {
  /** Offset of the other first-simplex vertices along each axis. */
  readonly initialStep?: number;
  /** Stop when every vertex is within this of the best, coordinate-wise … */
  readonly xTolerance?: number;
  /** … and every value within this of the best value. */
  readonly fTolerance?: number;
  readonly maxEvaluations?: number;
  readonly maxRestarts?: number;
}

export interface NelderMeadResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly evaluations: number;
  /** False when `maxEvaluations` ran out first. */
  readonly converged: boolean;
}

type Objective = (x: readonly number[]) => number;
interface Vertex {
  readonly x: readonly number[];
  readonly f: number;
}

const DEFAULTS: Required<NelderMeadOptions> = {
  initialStep: 0.5,
  xTolerance: 1e-8,
  fTolerance: 1e-10,
  maxEvaluations: 20_000,
  maxRestarts: 5,
};

export const minimiseNelderMead = (
  objective: Objective,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult => {
  const settings = { ...DEFAULTS, ...options };
  let evaluations = 0;
  // A non-finite value (overflow, a parameter out of range) is a point never to move to.
  const evaluate = (x: readonly number[]): Vertex => {
    evaluations += 1;
    const f = objective(x);
    return { x, f: Number.isNaN(f) ? Infinity : f };
  };
  let run = collapse(evaluate, start, settings, () => evaluations);
  for (let restart = 0; restart < settings.maxRestarts && run.converged; restart++) {
    const again = collapse(evaluate, run.best.x, settings, () => evaluations);
    const improved = run.best.f - again.best.f > settings.fTolerance;
    run = again.best.f <= run.best.f ? again : run;
    if (!improved) break;
  }
  return { x: run.best.x, value: run.best.f, evaluations, converged: run.converged };
};

const collapse = (
  evaluate: (x: readonly number[]) => Vertex,
  start: readonly number[],
  settings: Required<NelderMeadOptions>,
  evaluations: () => number,
): { best: Vertex; converged: boolean } => {
  let simplex = sorted(initialSimplex(start, settings.initialStep).map(evaluate));
  while (!isCollapsed(simplex, settings)) {
    if (evaluations() >= settings.maxEvaluations)
      return { best: vertex(simplex, 0), converged: false };
    simplex = sorted(step(simplex, evaluate));
  }
  return { best: vertex(simplex, 0), converged: true };
};

/** One Nelder–Mead move on a simplex sorted best first. */
const step = (simplex: readonly Vertex[], evaluate: (x: readonly number[]) => Vertex): Vertex[] => {
  const n = simplex.length - 1;
  const best = vertex(simplex, 0);
  const worst = vertex(simplex, n);
  const secondWorst = vertex(simplex, n - 1);
  const centre = centroid(simplex.slice(0, n));
  const keep = simplex.slice(0, n);
  const reflected = evaluate(along(centre, worst.x, -1));
  if (reflected.f < best.f) {
    const expanded = evaluate(along(centre, worst.x, -2));
    return [...keep, expanded.f < reflected.f ? expanded : reflected];
  }
  if (reflected.f < secondWorst.f) return [...keep, reflected];
  const outside = reflected.f < worst.f;
  const contracted = evaluate(along(centre, worst.x, outside ? -0.5 : 0.5));
  if (outside ? contracted.f <= reflected.f : contracted.f < worst.f) return [...keep, contracted];
  return [best, ...simplex.slice(1).map((v) => evaluate(along(best.x, v.x, 0.5)))];
};

const initialSimplex = (start: readonly number[], stepSize: number): number[][] => [
  [...start],
  ...start.map((_, axis) => start.map((value, i) => (i === axis ? value + stepSize : value))),
];

const isCollapsed = (
  simplex: readonly Vertex[],
  settings: Required<NelderMeadOptions>,
): boolean => {
  const best = vertex(simplex, 0);
  return simplex.every(
    (v) =>
      Math.abs(v.f - best.f) <= settings.fTolerance &&
      v.x.every((value, i) => Math.abs(value - (best.x[i] ?? NaN)) <= settings.xTolerance),
  );
};

/** from + t·(to − from) */
const along = (from: readonly number[], to: readonly number[], t: number): number[] =>
  from.map((value, i) => value + t * ((to[i] ?? NaN) - value));

const centroid = (vertices: readonly Vertex[]): number[] =>
  vertices
    .reduce(
      (sum, v) => sum.map((s, i) => s + (v.x[i] ?? NaN)),
      new Array<number>(vertices[0]?.x.length ?? 0).fill(0),
    )
    .map((s) => s / vertices.length);

const sorted = (simplex: readonly Vertex[]): Vertex[] =>
  [...simplex].sort((p, q) => (p.f < q.f ? -1 : p.f > q.f ? 1 : 0));

const vertex = (simplex: readonly Vertex[], i: number): Vertex => {
  const v = simplex[i];
  if (v === undefined) throw new RangeError(`simplex has no vertex ${i}`);
  return v;
};
