/**
 * `compute` remembered by its argument, for pure functions of a string that the engine calls over
 * and over with the same text. At most `limit` answers are kept: past that the memory starts empty again.
 */
export function memoised<T>(compute: (key: string) => T, limit = 20_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = compute(key);
    if (known.size > limit) known.clear();
    known.set(key, value);
    return value;
  };
}
