/**
 * Stable diagnostic codes, one per rule: editors request quick fixes by code, so a code must never
 * change once released. Add new rules at the end.
 */
export const DIAGNOSTIC_CODES: Readonly<Record<string, number>> = {
  'require-yield-star': 990001,
};

/** For a rule missing from the table above: still unique to the plugin. */
export const FALLBACK_DIAGNOSTIC_CODE = 990000;

export function diagnosticCodeOf(ruleId: string): number {
  return DIAGNOSTIC_CODES[ruleId] ?? FALLBACK_DIAGNOSTIC_CODE;
}
