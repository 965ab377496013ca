/** The TypeScript versions whose JS API the toolkit is built and tested on. */
export const SUPPORTED_TYPESCRIPT = '5.x and 6.0';

/**
 * What a TypeScript 7 project installs so that tools needing the JS API find one: TypeScript 6
 * under the name `typescript` (its API, and `lib/tsserver.js` where editors look for it), and
 * TypeScript 7 next to it, whose `tsc` is the one `npx tsc` runs.
 */
/** The install that gives a project the TypeScript JS API the toolkit runs on. */
export const TYPESCRIPT_6_INSTALL = 'npm install --save-dev typescript@~6.0.3';

export const TYPESCRIPT_7_RECIPE = `${TYPESCRIPT_6_INSTALL} @typescript/native@npm:typescript@^7.0.2`;

/**
 * Why the `typescript` module given can not run the contracts, or undefined when it can: the
 * package is TypeScript 7 (a native compiler without the JS API) or lacks the API for another
 * reason. The message is meant to be shown to the user as it is.
 */
export function unsupportedTypeScript(tsModule: unknown, who: string): string | undefined {
  const api = tsModule as { version?: unknown; createSourceFile?: unknown; SyntaxKind?: unknown } | undefined;
  const version = typeof api?.version === 'string' ? api.version : undefined;
  const major = version ? Number(version.split('.')[0]) : NaN;
  const hasApi = typeof api?.createSourceFile === 'function' && typeof api?.SyntaxKind === 'object';
  if (hasApi && !(major >= 7)) return undefined;
  const found = version ? `TypeScript ${version}` : 'a "typescript" package';
  const why = major >= 7 ? 'TypeScript 7 is a native compiler with no JS API' : 'it has no JS compiler API';
  return (
    `${who} needs the TypeScript JS API (TypeScript ${SUPPORTED_TYPESCRIPT}), but the "typescript" package here is ${found}, and ${why}. ` +
    `Keep TypeScript 7 for tsc and install TypeScript 6 under the name "typescript" next to it: ${TYPESCRIPT_7_RECIPE}`
  );
}
