/** The framework's package names, old (`quidproquo-*`) and planned (`@quidproquo/*`). */

const OLD_NAME = /^quidproquo(?:-([a-z0-9][a-z0-9._-]*))?(\/.*)?$/;
const SCOPED_NAME = /^@quidproquo\/([a-z0-9][a-z0-9._-]*)(\/.*)?$/;

/** The name of the bare umbrella package `quidproquo` in the `@quidproquo` scope. */
export const UMBRELLA_SCOPED = 'quidproquo';

/** `quidproquo-core/lib/x` -> `@quidproquo/core/lib/x`; undefined for anything else. */
export function scopedName(specifier: string): string | undefined {
  const match = OLD_NAME.exec(specifier);
  if (!match) return undefined;
  return `@quidproquo/${match[1] ?? UMBRELLA_SCOPED}${match[2] ?? ''}`;
}

/** The package a module specifier names, in the old spelling (`@quidproquo/core/x` -> `quidproquo-core`). */
export function qpqPackageOf(specifier: string): string | undefined {
  const old = OLD_NAME.exec(specifier);
  if (old) return old[1] ? `quidproquo-${old[1]}` : 'quidproquo';
  const scoped = SCOPED_NAME.exec(specifier);
  if (scoped) return scoped[1] === UMBRELLA_SCOPED ? 'quidproquo' : `quidproquo-${scoped[1]}`;
  return undefined;
}

export function isScopedSpecifier(specifier: string): boolean {
  return SCOPED_NAME.test(specifier);
}

/** The packages whose exports the core config functions come from (the umbrella re-exports core). */
export const CORE_PACKAGES = new Set(['quidproquo-core', 'quidproquo']);
export const CONFIG_AWS_PACKAGES = new Set(['quidproquo-config-aws']);

/** The names the reference runtime stands in for, with the entry point of each. */
export const RUNTIME_ENTRY_POINTS: ReadonlyArray<{ names: readonly string[]; entry: string }> = [
  { names: ['quidproquo-core', '@quidproquo/core'], entry: 'core/index.ts' },
  { names: ['quidproquo-webserver', '@quidproquo/webserver'], entry: 'webserver/index.ts' },
  { names: ['quidproquo-config-aws', '@quidproquo/config-aws'], entry: 'config-aws/index.ts' },
];

/** A package directory inside node_modules that belongs to the framework. */
export function isQpqPackagePath(fileName: string): boolean {
  return /[\\/]node_modules[\\/](?:quidproquo(?:-[^\\/]+)?|@quidproquo[\\/][^\\/]+)[\\/]/.test(fileName);
}

export function qpqPackageOfPath(fileName: string): string | undefined {
  const match = /[\\/]node_modules[\\/](quidproquo(?:-[^\\/]+)?|@quidproquo[\\/][^\\/]+)[\\/]/.exec(fileName);
  return match ? qpqPackageOf(match[1].replace(/\\/g, '/')) : undefined;
}
