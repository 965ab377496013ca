/** A three-way answer about a type: it is one, it is not, or the types cannot tell. */
export type Verdict = 'yes' | 'no' | 'unknown';

/** Of a union: every part must be one; a part that is not decides; an unknown part leaves it open. */
export function allOf(verdicts: readonly Verdict[], ifNone: Verdict): Verdict {
  if (verdicts.length === 0) return ifNone;
  return verdicts.includes('no') ? 'no' : verdicts.includes('unknown') ? 'unknown' : 'yes';
}

/** Of an intersection: one part that is one is enough. */
export function anyOf(verdicts: readonly Verdict[]): Verdict {
  return verdicts.includes('yes') ? 'yes' : verdicts.includes('unknown') ? 'unknown' : 'no';
}
