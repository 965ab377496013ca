import * as fs from 'node:fs';
import * as path from 'node:path';

const CORE_NAMES = ['quidproquo-core', '@quidproquo/core'];

/**
 * The quidproquo-core version a project is on: the installed package's version when it is
 * installed, otherwise the lowest version its package.json range allows.
 */
export function frameworkVersion(projectRoot: string): { version: string; source: string } | undefined {
  for (const name of CORE_NAMES) {
    try {
      const file = require.resolve(`${name}/package.json`, { paths: [projectRoot] });
      const version = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version;
      if (version) return { version, source: `installed ${name}` };
    } catch {
      // not installed
    }
  }
  for (let dir = projectRoot; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
        for (const section of ['dependencies', 'devDependencies', 'peerDependencies']) {
          for (const name of CORE_NAMES) {
            const range = json[section]?.[name];
            const version = range && /(\d+\.\d+\.\d+)/.exec(range)?.[1];
            if (version) return { version, source: `${name} ${range} in ${path.basename(dir)}/package.json` };
          }
        }
      } catch {
        // not JSON: no version from it
      }
      return undefined;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Compares dotted numeric versions: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
