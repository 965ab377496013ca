import { compareVersions as compare, detectFrameworkVersion, type FrameworkVersion } from 'qpq-contracts';

export type { FrameworkVersion };

/**
 * The framework release a project is on: installed packages, `file:` / `link:` / `workspace:`
 * targets, the lockfile at the workspace root, then declared ranges (see qpq-contracts).
 */
export function frameworkVersion(projectRoot: string): FrameworkVersion | undefined {
  return detectFrameworkVersion(projectRoot);
}

/** Compares release numbers (`next` after every number): negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  return compare(a, b);
}
