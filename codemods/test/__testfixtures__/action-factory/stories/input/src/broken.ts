export function* askBroken( {
  return yield { type: "x" };
