import * as fs from 'node:fs';
import * as path from 'node:path';

import { compareVersions, lowestInRange, normalizeVersion } from './versions';

/**
 * Which framework release a project is on. The framework's packages share one version and pin
 * each other exactly, so any `quidproquo`, `quidproquo-*` or `@quidproquo/*` dependency tells it.
 * Sources, most trusted first: the installed package, a `file:` / `link:` / `workspace:` target's
 * package.json, the lockfile at the workspace root, and last the lowest version a declared range
 * allows. The search walks up from the project to the workspace root (a lockfile, a `workspaces`
 * field, pnpm-workspace.yaml, lerna.json or a git root), so a workspace package that declares
 * nothing itself still gets the root's version.
 */

export type VersionSourceKind = 'installed' | 'link' | 'lockfile' | 'declared';

export interface VersionFinding {
  /** The package, as its dependency names it (`quidproquo-core`, `@quidproquo/core`). */
  package: string;
  version: string;
  kind: VersionSourceKind;
  /** The file the version was read from. */
  file: string;
  /** The declared range or link, when that is what was read. */
  spec?: string;
}

export interface FrameworkVersion {
  version: string;
  /** One line for reports: `quidproquo-core 0.1.8 (installed: node_modules/quidproquo-core/package.json)`. */
  source: string;
  /** The best finding per package. */
  findings: VersionFinding[];
  /** Set when the packages are not on one version: the run takes the lowest. */
  disagreement?: string;
}

/** The file system the search reads (tests and editors may give their own). */
export interface VersionHost {
  readFile(file: string): string | undefined;
  exists(file: string): boolean;
  /** Entry names of a directory (empty when it cannot be read). */
  readDir(dir: string): string[];
  /**
   * What tells a file's versions apart without reading it (its size and modification time), `''`
   * for no file; undefined, or absent, when the host cannot tell.
   */
  stamp?(file: string): string | undefined;
}

export const nodeVersionHost: VersionHost = {
  readFile(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists(file) {
    try {
      fs.statSync(file);
      return true;
    } catch {
      return false;
    }
  },
  readDir(dir) {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  },
  stamp(file) {
    try {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      return stat ? `${stat.size}:${stat.mtimeMs}` : '';
    } catch {
      return undefined;
    }
  },
};

const FRAMEWORK_PACKAGE = /^(?:quidproquo(?:-[a-z0-9][a-z0-9._-]*)?|@quidproquo\/[a-z0-9][a-z0-9._-]*)$/;
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock'];
/** What makes a folder's search differ from its parent's (see FrameworkVersionCache.versionOf). */
const PROJECT_MARKERS: ReadonlySet<string> = new Set([
  'package.json',
  'node_modules',
  ...LOCKFILES,
  'pnpm-workspace.yaml',
  'lerna.json',
  '.git',
]);
const RANK: Record<VersionSourceKind, number> = { installed: 0, link: 1, lockfile: 2, declared: 3 };

export function isFrameworkPackage(name: string): boolean {
  return FRAMEWORK_PACKAGE.test(name);
}

interface PackageJson {
  name?: string;
  version?: string;
  workspaces?: string[] | { packages?: string[] };
  [field: string]: unknown;
}

function readJson(host: VersionHost, file: string): PackageJson | undefined {
  const text = host.readFile(file);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as PackageJson) : undefined;
  } catch {
    return undefined;
  }
}

/** Finds the framework version of the project at `startDir`; undefined when nothing names it. */
export function detectFrameworkVersion(startDir: string, host: VersionHost = nodeVersionHost): FrameworkVersion | undefined {
  const findings: VersionFinding[] = [];
  const declared = new Map<string, Array<{ spec: string; file: string }>>();
  let workspaceRoot: string | undefined;

  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const manifestFile = path.join(dir, 'package.json');
    const manifest = readJson(host, manifestFile);
    if (manifest) {
      for (const field of DEPENDENCY_FIELDS) {
        const section = manifest[field];
        if (!section || typeof section !== 'object') continue;
        for (const [name, spec] of Object.entries(section as Record<string, unknown>)) {
          if (!isFrameworkPackage(name) || typeof spec !== 'string') continue;
          const list = declared.get(name) ?? [];
          list.push({ spec, file: manifestFile });
          declared.set(name, list);
        }
      }
    }
    const isRoot =
      manifest?.workspaces !== undefined ||
      LOCKFILES.some((lock) => host.exists(path.join(dir, lock))) ||
      host.exists(path.join(dir, 'pnpm-workspace.yaml')) ||
      host.exists(path.join(dir, 'lerna.json')) ||
      host.exists(path.join(dir, '.git'));
    if (isRoot) {
      workspaceRoot = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }

  // Installed packages, found the way Node resolves them from the project.
  const names = new Set(declared.keys());
  const lockfile = workspaceRoot ? lockfileOf(host, workspaceRoot) : new Map<string, VersionFinding>();
  for (const name of lockfile.keys()) names.add(name);
  for (const name of names) {
    const installed = installedVersion(host, startDir, workspaceRoot, name);
    if (installed) findings.push(installed);
  }
  for (const [name, specs] of declared) {
    for (const { spec, file } of specs) {
      const linked = linkedVersion(host, path.dirname(file), spec, name, workspaceRoot);
      if (linked) findings.push(linked);
      const lowest = lowestInRange(spec);
      if (lowest) findings.push({ package: name, version: lowest, kind: 'declared', file, spec });
    }
  }
  findings.push(...lockfile.values());

  // The most trusted finding per package; among equals, the one nearest the project (found first).
  const best = new Map<string, VersionFinding>();
  for (const finding of findings) {
    const current = best.get(finding.package);
    if (!current || RANK[finding.kind] < RANK[current.kind]) best.set(finding.package, finding);
  }
  const chosen = [...best.values()].sort((a, b) => a.package.localeCompare(b.package));
  if (chosen.length === 0) return undefined;
  // The lowest version; among equals, the core package tells it best.
  const preference = (f: VersionFinding) =>
    /^(?:quidproquo-core|@quidproquo\/core)$/.test(f.package) ? 0 : f.package === 'quidproquo' ? 1 : 2;
  const lowest = chosen.reduce((low, f) => {
    const order = compareVersions(f.version, low.version);
    return order < 0 || (order === 0 && preference(f) < preference(low)) ? f : low;
  });
  const versions = new Set(chosen.map((f) => f.version));
  const result: FrameworkVersion = { version: lowest.version, source: describeFinding(lowest, startDir), findings: chosen };
  if (versions.size > 1) {
    result.disagreement = `the framework packages are not on one version (${chosen.map((f) => `${f.package} ${f.version}`).join(', ')}); taking the lowest, ${lowest.version}`;
  }
  return result;
}

export function describeFinding(finding: VersionFinding, from: string): string {
  const where = path.relative(from, finding.file).split(path.sep).join('/') || path.basename(finding.file);
  const how = { installed: 'installed', link: `linked with ${finding.spec}`, lockfile: 'lockfile', declared: `declared ${finding.spec}` }[
    finding.kind
  ];
  return `${finding.package} ${finding.version} (${how}: ${where})`;
}

function installedVersion(host: VersionHost, startDir: string, stopAt: string | undefined, name: string): VersionFinding | undefined {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', ...name.split('/'), 'package.json');
    const manifest = readJson(host, file);
    const version = typeof manifest?.version === 'string' ? normalizeVersion(manifest.version) : undefined;
    if (version) return { package: name, version, kind: 'installed', file };
    if (dir === stopAt || path.dirname(dir) === dir) return undefined;
  }
}

/** `file:../qpq/core`, `link:../qpq/core`, `workspace:*`: the version in the target's package.json. */
function linkedVersion(
  host: VersionHost,
  baseDir: string,
  spec: string,
  name: string,
  workspaceRoot: string | undefined,
): VersionFinding | undefined {
  const link = /^(?:file|link|portal):(.+)$/.exec(spec.trim());
  if (link) {
    const target = path.resolve(baseDir, link[1]);
    // A `file:` dependency may name a packed tarball: its version is in its name.
    if (/\.(?:tgz|tar\.gz)$/.test(target)) {
      const version = /-(\d+\.\d+\.\d+)\.(?:tgz|tar\.gz)$/.exec(target)?.[1];
      return version ? { package: name, version, kind: 'link', file: target, spec } : undefined;
    }
    const file = path.join(target, 'package.json');
    const manifest = readJson(host, file);
    const version = typeof manifest?.version === 'string' ? normalizeVersion(manifest.version) : undefined;
    return version ? { package: name, version, kind: 'link', file, spec } : undefined;
  }
  if (/^workspace:/.test(spec.trim()) && workspaceRoot) {
    for (const dir of workspacePackageDirs(host, workspaceRoot)) {
      const file = path.join(dir, 'package.json');
      const manifest = readJson(host, file);
      if (manifest?.name !== name || typeof manifest.version !== 'string') continue;
      const version = normalizeVersion(manifest.version);
      return version ? { package: name, version, kind: 'link', file, spec } : undefined;
    }
  }
  return undefined;
}

/** The package folders a workspace root lists (`packages/*`, `apps/web`); `**` is not followed. */
function workspacePackageDirs(host: VersionHost, root: string): string[] {
  const manifest = readJson(host, path.join(root, 'package.json'));
  const patterns: string[] = [];
  const field = manifest?.workspaces;
  if (Array.isArray(field)) patterns.push(...field.filter((p): p is string => typeof p === 'string'));
  else if (field && Array.isArray(field.packages)) patterns.push(...field.packages.filter((p): p is string => typeof p === 'string'));
  const pnpm = host.readFile(path.join(root, 'pnpm-workspace.yaml'));
  if (pnpm) for (const match of pnpm.matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)) patterns.push(match[1]);
  const dirs: string[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    const star = pattern.indexOf('*');
    if (star === -1) {
      dirs.push(path.join(root, pattern));
      continue;
    }
    const parent = path.join(root, pattern.slice(0, star).replace(/\/$/, ''));
    for (const entry of host.readDir(parent)) dirs.push(path.join(parent, entry));
  }
  return dirs;
}

/** Framework packages the lockfile at the workspace root pins, at the top of its tree. */
const lockfilesByHost = new WeakMap<VersionHost, Map<string, Map<string, VersionFinding>>>();

/**
 * What each workspace root's lockfile pinned, with the stamps of its lockfiles when read. An editor
 * starts a new cache after every pause in typing, and a project's lockfile can be megabytes: it is
 * parsed again only when one of them changed. Pins that name a linked folder are not kept (the
 * folder's package.json can change while the lockfile does not).
 */
const lockfilesByRoot = new Map<string, { stamp: string; found: Map<string, VersionFinding> }>();

/** `readLockfile` once per root for a host that remembers its answers (the same text parses the same). */
function lockfileOf(host: VersionHost, root: string): Map<string, VersionFinding> {
  if (!(host instanceof RememberingHost)) return readLockfile(host, root);
  let byRoot = lockfilesByHost.get(host);
  if (!byRoot) lockfilesByHost.set(host, (byRoot = new Map()));
  let found = byRoot.get(root);
  if (!found) {
    const stamps = LOCKFILES.map((name) => host.stamp(path.join(root, name)));
    const stamp = stamps.includes(undefined) ? undefined : stamps.join('|');
    const kept = stamp === undefined ? undefined : lockfilesByRoot.get(root);
    if (kept && kept.stamp === stamp) found = kept.found;
    else {
      found = readLockfile(host, root);
      if (stamp !== undefined && ![...found.values()].some((pin) => pin.spec !== undefined)) {
        if (lockfilesByRoot.size >= 100) lockfilesByRoot.clear();
        lockfilesByRoot.set(root, { stamp, found });
      }
    }
    byRoot.set(root, found);
  }
  return found;
}

export function readLockfile(host: VersionHost, root: string): Map<string, VersionFinding> {
  const found = new Map<string, VersionFinding>();
  const add = (name: string, raw: string, file: string, baseDir: string) => {
    if (!isFrameworkPackage(name) || found.has(name)) return;
    const linkTarget = /^(?:file|link):(.+)$/.exec(raw);
    if (linkTarget) {
      const linked = linkedVersion(host, baseDir, raw, name, root);
      if (linked) found.set(name, { ...linked, kind: 'lockfile', file });
      return;
    }
    const version = normalizeVersion(raw);
    if (version) found.set(name, { package: name, version, kind: 'lockfile', file });
  };

  for (const name of ['package-lock.json', 'npm-shrinkwrap.json']) {
    const file = path.join(root, name);
    const lock = readJson(host, file);
    if (!lock) continue;
    const packages = lock.packages as Record<string, { version?: string; resolved?: string; link?: boolean }> | undefined;
    if (packages && typeof packages === 'object') {
      for (const [key, entry] of Object.entries(packages)) {
        const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
        if (!match || !entry || typeof entry !== 'object') continue;
        if (entry.link && typeof entry.resolved === 'string') {
          const target = packages[entry.resolved];
          if (target && typeof target.version === 'string') add(match[1], target.version, file, root);
          else add(match[1], `file:${entry.resolved}`, file, root);
        } else if (typeof entry.version === 'string') add(match[1], entry.version, file, root);
      }
    }
    const dependencies = lock.dependencies as Record<string, { version?: string }> | undefined;
    if (dependencies && typeof dependencies === 'object') {
      for (const [key, entry] of Object.entries(dependencies))
        if (entry && typeof entry.version === 'string') add(key, entry.version, file, root);
    }
    return found;
  }

  const pnpmFile = path.join(root, 'pnpm-lock.yaml');
  const pnpm = host.readFile(pnpmFile);
  if (pnpm !== undefined) {
    // importers: `quidproquo-core:\n  specifier: ^0.1.8\n  version: 0.1.8(...)` (lockfile v6 and v9)
    for (const match of pnpm.matchAll(
      /^\s+['"]?(@quidproquo\/[\w.-]+|quidproquo[\w.-]*)['"]?:\s*\n\s+specifier:[^\n]*\n\s+version:\s*['"]?([^\s'"(]+)/gm,
    ))
      add(match[1], match[2], pnpmFile, root);
    // packages: `/quidproquo-core@0.1.8:` (v6) or `quidproquo-core@0.1.8:` (v9)
    for (const match of pnpm.matchAll(/^\s+['"]?\/?(@quidproquo\/[\w.-]+|quidproquo[\w.-]*)@(\d+\.\d+\.\d+)[^:\n]*['"]?:\s*$/gm))
      add(match[1], match[2], pnpmFile, root);
    return found;
  }

  const yarnFile = path.join(root, 'yarn.lock');
  const yarn = host.readFile(yarnFile);
  if (yarn !== undefined) {
    for (const block of yarn.split(/\n(?=\S)/)) {
      const header = /^"?(@quidproquo\/[\w.-]+|quidproquo[\w.-]*)@/.exec(block);
      const version = /^\s+version:?\s+"?([^"\s]+)"?/m.exec(block);
      if (header && version) add(header[1], version[1], yarnFile, root);
    }
  }
  return found;
}

/** Caches detection per directory, for hosts that ask once per file (the lint rule, the editor). */
export class FrameworkVersionCache {
  private readonly byDir = new Map<string, FrameworkVersion | undefined>();
  private readonly host: VersionHost;

  constructor(host: VersionHost = nodeVersionHost) {
    // The directories of one project share their parents, manifests and lockfile: each is read
    // once for the cache's life, not once per directory below it.
    this.host = new RememberingHost(host);
  }

  of(dir: string): FrameworkVersion | undefined {
    // Keyed as given: resolving the path for every file costs more than the lookup.
    if (!this.byDir.has(dir)) this.byDir.set(dir, detectFrameworkVersion(path.resolve(dir), this.host));
    return this.byDir.get(dir);
  }

  private readonly versionByDir = new Map<string, string | undefined>();

  /**
   * The version alone. A folder with nothing of its own that the search reads (no package.json,
   * node_modules, lockfile or workspace marker) finds what its parent finds, so only the folders
   * that have one are searched: a project's hundreds of source folders share one answer.
   */
  versionOf(dir: string): string | undefined {
    if (this.versionByDir.has(dir)) return this.versionByDir.get(dir);
    const resolved = path.resolve(dir);
    const parent = path.dirname(resolved);
    // One listing of the folder rather than a look for each marker. A folder that holds the file
    // asked about is never empty: an empty listing is one the host could not make, so search.
    const entries = this.host.readDir(resolved);
    const plain = parent !== resolved && entries.length > 0 && !entries.some((name) => PROJECT_MARKERS.has(name));
    const version = plain ? this.versionOf(parent) : this.of(resolved)?.version;
    this.versionByDir.set(dir, version);
    return version;
  }
}

/** A host that answers each question once (see FrameworkVersionCache). */
class RememberingHost implements VersionHost {
  private readonly files = new Map<string, string | undefined>();
  private readonly entries = new Map<string, boolean>();
  private readonly dirs = new Map<string, string[]>();

  constructor(private readonly host: VersionHost) {}

  readFile(file: string): string | undefined {
    if (!this.files.has(file)) this.files.set(file, this.host.readFile(file));
    return this.files.get(file);
  }

  exists(file: string): boolean {
    let exists = this.entries.get(file);
    if (exists === undefined) this.entries.set(file, (exists = this.host.exists(file)));
    return exists;
  }

  readDir(dir: string): string[] {
    let names = this.dirs.get(dir);
    if (!names) this.dirs.set(dir, (names = this.host.readDir(dir)));
    return names;
  }

  stamp(file: string): string | undefined {
    return this.host.stamp?.(file);
  }
}
