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

/** The items in a seeded random order: the same seed gives the same order. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const shuffled = [...items]
  const next = seededRandom(seed)
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1))
    ;[shuffled[index], shuffled[other]] = [shuffled[other] as T, shuffled[index] as T]
  }
  return shuffled
}

/** `size` items of `items` chosen by a seeded shuffle, in their original order: the same sample every run. */
export function seededSample<T>(items: readonly T[], size: number, seed: number): T[] {
  return seededShuffle(
    items.map((_, index) => index),
    seed
  )
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((index) => items[index] as T)
}
