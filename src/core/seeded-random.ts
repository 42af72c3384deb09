/**
 * A small deterministic generator (mulberry32): numbers in [0, 1), the same sequence for the same
 * seed on every machine. For orders that must survive a reload (the 制度测验's shuffle) and for
 * test data; never for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
