/** A source of numbers in [0, 1). */
export type Random = () => number;

/**
 * Seeded PRNG (mulberry32) so seeded sandboxes give the same imp_uid/apply_num every run;
 * without a seed it falls back to `Math.random` (ids only need to look real, not be secret).
 */
export function createRandom(seed?: number): Random {
  if (seed === undefined) return Math.random;
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` random decimal digits. */
export function randomDigits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
}
