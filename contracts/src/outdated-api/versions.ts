/**
 * Framework release numbers. All quidproquo packages share one version; `next` stands for the
 * changes on the framework's main branch after its newest release, and sorts after every number.
 */

export const NEXT = 'next';

const NUMBERED = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;

/** Is this a version the tables can place (`0.1.8`, `v0.1.8`, `0.1.8-beta.1`, `next`)? */
export function isVersion(text: string): boolean {
  return text === NEXT || NUMBERED.test(text);
}

/** `v0.1.8` -> `0.1.8`; `next` stays. Undefined for anything else. */
export function normalizeVersion(text: string): string | undefined {
  if (text === NEXT) return NEXT;
  const match = NUMBERED.exec(text.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}` : undefined;
}

/** Negative, zero or positive; `next` is newer than every number, anything unreadable older. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NEXT) return 1;
  if (b === NEXT) return -1;
  const pa = NUMBERED.exec(a);
  const pb = NUMBERED.exec(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  return 0;
}

/** Is `version` in the half-open range (from, to]? */
export function isInRange(version: string, from: string, to: string): boolean {
  return compareVersions(version, from) > 0 && compareVersions(version, to) <= 0;
}

/**
 * The lowest version a package.json range allows: `^0.1.8` -> `0.1.8`, `~0.1.8` -> `0.1.8`,
 * `>=0.1.2 <0.2` -> `0.1.2`, `0.1.x` -> `0.1.0`. Undefined for tags (`latest`) and URLs.
 */
export function lowestInRange(range: string): string | undefined {
  const text = range.trim();
  if (/^(?:file|link|workspace|portal|git|git\+\w+|https?|github):/.test(text) && !/^workspace:[\^~]?\d/.test(text)) return undefined;
  const bare = text.replace(/^workspace:/, '');
  let lowest: string | undefined;
  for (const alternative of bare.split('||')) {
    const match = /(\d+)\.(\d+|x|\*)(?:\.(\d+|x|\*))?/.exec(alternative);
    if (!match) continue;
    const version = `${match[1]}.${/\d/.test(match[2]) ? match[2] : '0'}.${match[3] && /\d/.test(match[3]) ? match[3] : '0'}`;
    if (lowest === undefined || compareVersions(version, lowest) < 0) lowest = version;
  }
  return lowest;
}
