/** A small seeded generator (mulberry32): the same seed gives the same stream of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `size` items of `items` chosen by a seeded shuffle, in their original order: the same sample every run. */
export function seededSample<T>(items: readonly T[], size: number, seed: number): T[] {
  const order = items.map((_, index) => index)
  const next = seededRandom(seed)
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1))
    ;[order[index], order[other]] = [order[other] as number, order[index] as number]
  }
  return order
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((index) => items[index] as T)
}
