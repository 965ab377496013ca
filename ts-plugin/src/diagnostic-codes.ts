/**
 * Stable diagnostic codes, one per rule: editors request quick fixes by code, so a code must never
 * change once released. Add new rules at the end.
 */
export const DIAGNOSTIC_CODES: Readonly<Record<string, number>> = {
  'require-yield-star': 990001,
  'monomorphic-action-shape': 990002,
  'void-returns-204': 990003,
  'import-order': 990004,
  'ask-prefix-generator-only': 990005,
  'no-try-catch-around-actions': 990006,
  'pure-stories': 990007,
  'valid-runtime-reference': 990008,
  'no-outdated-api': 990009,
};

/** For a rule missing from the table above: still unique to the plugin. */
export const FALLBACK_DIAGNOSTIC_CODE = 990000;

export function diagnosticCodeOf(ruleId: string): number {
  return DIAGNOSTIC_CODES[ruleId] ?? FALLBACK_DIAGNOSTIC_CODE;
}
