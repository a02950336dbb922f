/** Where `value` goes in an ascending list: the index of its first item at or above `value` (the list's length when none is). */
export function firstAtOrAbove(sorted: ArrayLike<number>, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] as number) < value) low = middle + 1
    else high = middle
  }
  return low
}
