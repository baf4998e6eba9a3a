/** Timing and rounding, shared by the benchmark's sections. */

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const round = (value: number | undefined, digits = 1) => (value === undefined ? undefined : Number(value.toFixed(digits)));

export function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, performance.now() - start];
}

/** Wall and CPU milliseconds; CPU time is what other work on the machine cannot inflate. */
export function timedBoth<T>(fn: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const [result, wall] = timed(fn);
  const used = process.cpuUsage(cpu);
  return [result, wall, (used.user + used.system) / 1000];
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}
