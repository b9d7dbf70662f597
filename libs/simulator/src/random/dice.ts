/**
 * The simulator's seeded randomness: mulberry32 (32-bit state, identical on every machine), as
 * in `@churn/domain-customer/testing`, copied rather than imported so that the simulator does
 * not depend on a testing export. Each customer rolls their own dice, seeded from the branch
 * seed and their index, so a customer's history does not depend on who else is simulated.
 */
export class Dice {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(choices: readonly T[]): T {
    const choice = choices[Math.floor(this.next() * choices.length)];
    if (choice === undefined) throw new RangeError('pick from an empty list');
    return choice;
  }

  /** A choice by weight: `weights[i]` for `choices[i]`. */
  weighted<T>(choices: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let roll = this.next() * total;
    for (let i = 0; i < choices.length; i++) {
      roll -= weights[i] ?? 0;
      if (roll < 0) return choices[i] as T;
    }
    return this.pick(choices);
  }

  /** Standard normal (Box–Muller); only plans use it, never the per-fact hot path. */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A count with mean `mean`: the integer part, plus one with the fractional part's chance. */
  count(mean: number): number {
    const whole = Math.floor(mean);
    return whole + (this.next() < mean - whole ? 1 : 0);
  }
}

/** A well-mixed 32-bit seed for stream `stream`, item `index` of the branch seed (splitmix-style). */
export const seedFor = (seed: number, stream: number, index: number): number => {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
};

/** A uniform number in [0, 1) fixed by its three coordinates, for noise that needs no state. */
export const unitHash = (seed: number, stream: number, index: number): number =>
  seedFor(seed, stream, index) / 4_294_967_296;
