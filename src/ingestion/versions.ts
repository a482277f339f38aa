/** The first dotted number in a version string (`rule-based 1.4.0` -> [1, 4, 0]), or null. */
function numericVersion(version: string): number[] | null {
  const match = /\d+(?:\.\d+)*/.exec(version);
  return match ? match[0].split('.').map(Number) : null;
}

/**
 * Whether a document stored with `stored` should be re-extracted with `current`: only when
 * both carry a version number and the current one is higher (or nothing was recorded). Two
 * servers with different versions then never replace each other's work back and forth, and a
 * document loaded from annotations alone is never replaced by a reload.
 */
export function isNewerExtractorVersion(current: string, stored: string | null): boolean {
  if (stored === null) return true;
  if (current === stored) return false;
  const a = numericVersion(current);
  const b = numericVersion(stored);
  if (!a || !b) return false;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return false;
}
