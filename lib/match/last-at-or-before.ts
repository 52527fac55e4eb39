/**
 * Index of the last of the first `count` entries of an ascending array that
 * is at most `value` (0 when none is): which piece of a text holds an offset,
 * given where each piece starts.
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, count: number, value: number): number {
  let lo = 0;
  let hi = count - 1;
  let at = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}
