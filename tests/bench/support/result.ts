/**
 * One figure of a benchmark, against its budget, as a line `npm run bench` collects into its
 * summary table (the bench prints its own human-readable report too).
 */
export interface Result {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  /** The budget: at most `max`, or at least `min`. */
  max?: number;
  min?: number;
}

export const RESULT_PREFIX = "RESULT ";

export function report(r: Result): void {
  console.log(RESULT_PREFIX + JSON.stringify(r));
}

export function withinBudget(r: Result): boolean | null {
  if (r.max !== undefined) return r.value <= r.max;
  if (r.min !== undefined) return r.value >= r.min;
  return null;
}
