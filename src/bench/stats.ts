/** The value below which `share` (0–1) of the values lie (nearest rank). */
export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN
}

export const median = (values: number[]): number => percentile(values, 0.5)

/** `p50 … p99 … max` of a list of milliseconds, for a report line. */
export function spread(milliseconds: number[]): string {
  const format = (value: number): string => `${value.toFixed(0)} ms`
  return `p50 ${format(median(milliseconds))}, p99 ${format(percentile(milliseconds, 0.99))}, max ${format(percentile(milliseconds, 1))}`
}
