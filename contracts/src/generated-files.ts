/**
 * The first line `qpq-codemod bundle-runtime` writes into every file of the runtime it bundles.
 * Those files are library code the project updates by re-running the command, not its stories:
 * the ESLint rules and the editor plugin leave them alone, so no config has to list them.
 */
const BUNDLED_RUNTIME_HEADER = /^\uFEFF?\/\/ [^\n]*written by `qpq-codemod bundle-runtime`/;

export function isBundledRuntimeFile(text: string): boolean {
  return BUNDLED_RUNTIME_HEADER.test(text);
}
