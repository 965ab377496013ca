import * as fs from 'node:fs';

/** A Node.js error with this code (`ENOENT`, `MODULE_NOT_FOUND`, …). */
export function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/**
 * Where `request` resolves from `dir`, or undefined when no such module is installed there. Any
 * other failure (a package.json that does not parse, say) is a broken install, and is thrown.
 */
export function resolveInstalled(request: string, dir: string): string | undefined {
  try {
    return require.resolve(request, { paths: [dir] });
  } catch (error) {
    if (hasCode(error, 'MODULE_NOT_FOUND')) return undefined;
    throw error;
  }
}

/** True when package `name` is installed where `dir` would load it (a package that hides its package.json counts). */
export function isInstalled(name: string, dir: string): boolean {
  try {
    return resolveInstalled(`${name}/package.json`, dir) !== undefined;
  } catch (error) {
    if (hasCode(error, 'ERR_PACKAGE_PATH_NOT_EXPORTED')) return true;
    throw error;
  }
}

/** A file's text, or undefined when it does not exist; any other failure to read it is thrown. */
export function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}
