// The story file itself is never edited: the settings go to the generated module.
/** @qpq deployEvent: { name: warm-up } */
export function* onDeploy() {}
