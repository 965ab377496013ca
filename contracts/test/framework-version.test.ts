import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import {
  compareVersions,
  detectFrameworkVersion,
  FrameworkVersionCache,
  lowestInRange,
  nodeVersionHost,
  normalizeVersion,
} from '../src/index';
import { projectTree, removeProjectTrees, writeProjectFile } from './project-tree';

afterAll(removeProjectTrees);

describe('the framework version of a project', () => {
  it('is the installed package first, then the declared range', () => {
    const dir = projectTree({
      'package.json': { dependencies: { 'quidproquo-core': '^0.1.2' } },
      'node_modules/quidproquo-core/package.json': { name: 'quidproquo-core', version: '0.1.8' },
    });
    const found = detectFrameworkVersion(dir)!;
    expect(found.version).toBe('0.1.8');
    expect(found.source).toBe('quidproquo-core 0.1.8 (installed: node_modules/quidproquo-core/package.json)');
    expect(found.disagreement).toBeUndefined();
  });

  it('walks up from a workspace package that declares nothing to the workspace root', () => {
    const dir = projectTree({
      'package.json': { private: true, workspaces: ['services/*'], dependencies: { quidproquo: '0.1.12' } },
      'services/todo/package.json': { name: 'todo', dependencies: { zod: '^3.0.0' } },
      'services/todo/tsconfig.json': '{}',
    });
    const found = detectFrameworkVersion(path.join(dir, 'services/todo'))!;
    expect(found.version).toBe('0.1.12');
    expect(found.findings).toEqual([
      { package: 'quidproquo', version: '0.1.12', kind: 'declared', file: path.join(dir, 'package.json'), spec: '0.1.12' },
    ]);
  });

  it('reads the lockfile at the workspace root when nothing is installed (npm, pnpm, yarn)', () => {
    const npm = projectTree({
      'package.json': { workspaces: ['app'] },
      'app/package.json': { dependencies: { 'quidproquo-core': '^0.1.2', 'quidproquo-webserver': '^0.1.2' } },
      'package-lock.json': {
        lockfileVersion: 3,
        packages: {
          '': {},
          'node_modules/quidproquo-core': { version: '0.1.14' },
          'node_modules/quidproquo-webserver': { version: '0.1.14' },
          'node_modules/zod': { version: '3.0.0' },
        },
      },
    });
    const fromNpm = detectFrameworkVersion(path.join(npm, 'app'))!;
    expect(fromNpm.version).toBe('0.1.14');
    expect(fromNpm.findings.map((f) => [f.package, f.version, f.kind])).toEqual([
      ['quidproquo-core', '0.1.14', 'lockfile'],
      ['quidproquo-webserver', '0.1.14', 'lockfile'],
    ]);

    const pnpm = projectTree({
      'package.json': { dependencies: { '@quidproquo/core': '^0.1.0' } },
      'pnpm-lock.yaml':
        "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      '@quidproquo/core':\n        specifier: ^0.1.0\n        version: 0.1.9\n\npackages:\n\n  '@quidproquo/core@0.1.9':\n    resolution: {integrity: sha512-x}\n",
    });
    expect(detectFrameworkVersion(pnpm)!.source).toBe('@quidproquo/core 0.1.9 (lockfile: pnpm-lock.yaml)');

    const yarn = projectTree({
      'package.json': { dependencies: { 'quidproquo-core': '~0.1.3' } },
      'yarn.lock': '# yarn lockfile v1\n\n\n"quidproquo-core@~0.1.3":\n  version "0.1.4"\n  resolved "x"\n',
    });
    expect(detectFrameworkVersion(yarn)!.version).toBe('0.1.4');
  });

  it('warns when the packages disagree, and takes the lowest', () => {
    const dir = projectTree({
      'package.json': { dependencies: { 'quidproquo-core': '0.1.10', 'quidproquo-webserver': '0.1.12', 'quidproquo-features': '^0.1.12' } },
    });
    const found = detectFrameworkVersion(dir)!;
    expect(found.version).toBe('0.1.10');
    expect(found.disagreement).toBe(
      'the framework packages are not on one version (quidproquo-core 0.1.10, quidproquo-features 0.1.12, quidproquo-webserver 0.1.12); taking the lowest, 0.1.10',
    );
  });

  it('follows file: and link: dependencies (and workspace: ones) to the linked package.json', () => {
    const dir = projectTree({
      'vendor/qpq/quidproquo-core/package.json': { name: 'quidproquo-core', version: '0.1.15' },
      'vendor/qpq/quidproquo-webserver/package.json': { name: 'quidproquo-webserver', version: '0.1.15' },
      'app/package.json': {
        dependencies: {
          'quidproquo-core': 'file:../vendor/qpq/quidproquo-core',
          'quidproquo-webserver': 'link:../vendor/qpq/quidproquo-webserver',
        },
      },
    });
    const found = detectFrameworkVersion(path.join(dir, 'app'))!;
    expect(found.version).toBe('0.1.15');
    expect(found.findings.map((f) => [f.package, f.kind, f.spec])).toEqual([
      ['quidproquo-core', 'link', 'file:../vendor/qpq/quidproquo-core'],
      ['quidproquo-webserver', 'link', 'link:../vendor/qpq/quidproquo-webserver'],
    ]);

    const workspace = projectTree({
      'package.json': { workspaces: ['packages/*'] },
      'packages/quidproquo-core/package.json': { name: 'quidproquo-core', version: '0.1.7' },
      'packages/app/package.json': { dependencies: { 'quidproquo-core': 'workspace:*' } },
    });
    expect(detectFrameworkVersion(path.join(workspace, 'packages/app'))!.source).toBe(
      'quidproquo-core 0.1.7 (linked with workspace:*: ../quidproquo-core/package.json)',
    );

    const tarball = projectTree({ 'package.json': { dependencies: { 'quidproquo-core': 'file:./vendor/quidproquo-core-0.1.11.tgz' } } });
    expect(detectFrameworkVersion(tarball)!.version).toBe('0.1.11');
  });

  it('finds none when no framework package is named anywhere, and never crashes on a broken package.json', () => {
    expect(detectFrameworkVersion(projectTree({ 'package.json': { dependencies: { react: '^18.0.0' } } }))).toBeUndefined();
    expect(detectFrameworkVersion(projectTree({ 'package.json': '{ "dependencies": { "quidproquo-core": ' }))).toBeUndefined();
    expect(detectFrameworkVersion(projectTree({ 'package.json': { dependencies: { 'quidproquo-core': 'latest' } } }))).toBeUndefined();
    expect(detectFrameworkVersion(projectTree({}))).toBeUndefined();
  });

  it('is read once per folder by the cache the lint rule uses', () => {
    const dir = projectTree({ 'package.json': { dependencies: { 'quidproquo-core': '0.1.5' } } });
    let reads = 0;
    const cache = new FrameworkVersionCache({
      readFile: (file) => {
        reads++;
        try {
          return fs.readFileSync(file, 'utf8');
        } catch {
          return undefined;
        }
      },
      exists: (file) => fs.existsSync(file),
      readDir: () => [],
    });
    expect(cache.of(dir)?.version).toBe('0.1.5');
    const afterFirst = reads;
    expect(cache.of(dir)?.version).toBe('0.1.5');
    expect(reads).toBe(afterFirst);
  });
  it('parses a lockfile again for a new cache (a new program after a pause) only when it changed', () => {
    const lock = (version: string) => ({ lockfileVersion: 3, packages: { 'node_modules/quidproquo-core': { version } } });
    const dir = projectTree({ 'package.json': { name: 'app' }, 'package-lock.json': lock('0.1.5') });
    const lockfileReads: string[] = [];
    const host = {
      ...nodeVersionHost,
      readFile: (file: string) => {
        if (path.basename(file) === 'package-lock.json') lockfileReads.push(fs.readFileSync(file, 'utf8'));
        return nodeVersionHost.readFile(file);
      },
    };
    expect(new FrameworkVersionCache(host).of(dir)?.version).toBe('0.1.5');
    expect(new FrameworkVersionCache(host).of(dir)?.version).toBe('0.1.5');
    expect(lockfileReads).toHaveLength(1);

    writeProjectFile(dir, 'package-lock.json', lock('0.1.16'));
    expect(new FrameworkVersionCache(host).of(dir)?.version).toBe('0.1.16');
    expect(lockfileReads).toHaveLength(2);
  });
});

describe('the version per folder the lint rule asks for', () => {
  it("is what the search finds from each folder, and plain source folders share their parent's answer unsearched", () => {
    const dir = projectTree({
      'package.json': { dependencies: { 'quidproquo-core': '^0.1.2' } },
      'src/logic/deep/story.ts': '',
      'src/controllers/route.ts': '',
      // A folder with packages of its own installed resolves them first.
      'src/legacy/node_modules/quidproquo-core/package.json': { name: 'quidproquo-core', version: '0.1.4' },
      'src/legacy/old.ts': '',
      // A nested package with its own declaration.
      'tools/package.json': { dependencies: { 'quidproquo-core': '0.1.9' } },
      'tools/bin/run.ts': '',
    });
    const folders = ['src/logic/deep', 'src/logic', 'src/controllers', 'src', 'src/legacy', 'tools/bin', 'tools', '.'];
    const searched: string[] = [];
    const cache = new FrameworkVersionCache({
      readFile: (file) => {
        // A search looks for the installed package from the folder it starts from upwards.
        const installedFrom = file.split(`${path.sep}node_modules${path.sep}`)[0];
        if (installedFrom !== file && !searched.includes(installedFrom)) searched.push(installedFrom);
        try {
          return fs.readFileSync(file, 'utf8');
        } catch {
          return undefined;
        }
      },
      exists: (file) => fs.existsSync(file),
      readDir: (folder) => {
        try {
          return fs.readdirSync(folder);
        } catch {
          return [];
        }
      },
    });
    const versions = folders.map((folder) => `${folder}: ${cache.versionOf(path.join(dir, folder))}`);
    expect(versions).toEqual([
      'src/logic/deep: 0.1.2',
      'src/logic: 0.1.2',
      'src/controllers: 0.1.2',
      'src: 0.1.2',
      'src/legacy: 0.1.4',
      'tools/bin: 0.1.9',
      'tools: 0.1.9',
      '.: 0.1.2',
    ]);
    expect(folders.map((folder) => `${folder}: ${detectFrameworkVersion(path.join(dir, folder))?.version}`)).toEqual(versions);
    // Searched from only the folders with something of their own (and upwards from there, till found).
    expect(searched.map((folder) => path.relative(dir, folder) || '.').sort()).toEqual(['.', 'src/legacy', 'tools']);
  });
});

describe('release numbers', () => {
  it('sort numerically, with next after every release', () => {
    expect(['0.1.10', 'next', '0.1.9', '0.0.263', '0.1.0'].sort(compareVersions)).toEqual(['0.0.263', '0.1.0', '0.1.9', '0.1.10', 'next']);
    expect(normalizeVersion('v0.1.8')).toBe('0.1.8');
    expect(normalizeVersion('0.1')).toBeUndefined();
  });

  it('take the lowest version a range allows', () => {
    expect([
      lowestInRange('^0.1.8'),
      lowestInRange('~0.1.3'),
      lowestInRange('>=0.1.2 <0.2.0'),
      lowestInRange('0.1.x'),
      lowestInRange('0.1.9 || 0.1.4'),
      lowestInRange('latest'),
      lowestInRange('file:../x'),
    ]).toEqual(['0.1.8', '0.1.3', '0.1.2', '0.1.0', '0.1.4', undefined, undefined]);
  });
});
