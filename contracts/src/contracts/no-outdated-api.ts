import * as path from 'node:path';
import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { dedent } from '../engine/dedent';
import { DISK_ANSWER_LIFETIME_MS } from '../engine/disk-answers';
import { FrameworkVersionCache } from '../outdated-api/framework-version';
import { mayHaveSites, outdatedSites } from '../outdated-api/sites';
import { entriesUpTo, releaseBefore, type TableEntry } from '../outdated-api/tables';
import { normalizeVersion } from '../outdated-api/versions';

interface Options {
  /** The release the project is on; read from the project's packages when absent. */
  frameworkVersion?: string;
  /** Table entries not to report (`bc-145`). */
  ignore?: string[];
}

const defaultOptions: Options = {};

const messages = {
  migrate:
    '{{what}}: quidproquo {{release}} changed this ({{id}}), and this project is on {{installed}}. `npx qpq-codemod upgrade --from {{before}}` migrates it.',
  manual: '{{what}}: quidproquo {{release}} changed this ({{id}}), and this project is on {{installed}}. {{instruction}}',
};

/**
 * Detection reads package.json files and lockfiles once per directory: per process in an untyped
 * lint run, per program otherwise. A program made within a second of the last one takes over its
 * answers (an editor makes a program on every keystroke, and detection takes milliseconds), so
 * the disk is read again after a pause of a second, such as an install.
 */
const perProgram = new WeakMap<ts.Program, FrameworkVersionCache>();
const perProcess = new FrameworkVersionCache();
let latest: { cache: FrameworkVersionCache; at: number } | undefined;

function cacheOfProgram(program: ts.Program): FrameworkVersionCache {
  let cache = perProgram.get(program);
  if (!cache) {
    const now = performance.now();
    cache = latest && now - latest.at < DISK_ANSWER_LIFETIME_MS ? latest.cache : new FrameworkVersionCache();
    latest = { cache, at: now };
    perProgram.set(program, cache);
  }
  return cache;
}

/**
 * The entries the rule judges, per installed release and `ignore` list (the tables never change
 * while running): one array for every file, so what is derived from it is made once.
 */
const entriesByRelease = new Map<string, TableEntry[]>();

function lintedEntries(installed: string, ignore: readonly string[] | undefined): TableEntry[] {
  const key = ignore && ignore.length > 0 ? `${installed}\0${ignore.join('\0')}` : installed;
  let entries = entriesByRelease.get(key);
  if (!entries) {
    const ignored = new Set(ignore);
    entries = entriesUpTo(installed).filter((e) => e.lint === true && !ignored.has(e.id));
    // Releases times ignore lists in use: a handful. The bound is for misuse only.
    if (entriesByRelease.size >= 100) entriesByRelease.clear();
    entriesByRelease.set(key, entries);
  }
  return entries;
}

export const noOutdatedApi = defineContract({
  meta: {
    id: 'no-outdated-api',
    diagnosticCode: 990009,
    description:
      'Report framework APIs that the installed quidproquo release no longer has, with the release that changed them and the migration.',
    rationale:
      "quidproquo ships a release every few days, and many of them rename, move or reshape exports (its breaking-change log has 173 entries over ten releases). After the packages are updated, code written for the old release fails to compile with messages that do not say what happened. This rule reads the release tables `qpq-codemod upgrade` runs on: a name, import path or call shape that the project's installed release no longer has is reported with the release that changed it and the command that migrates it, and where the migration is mechanical the fix is the codemod's own edit.",
    type: 'problem',
    recommended: 'error',
    fixable: true,
    hasSuggestions: false,
    typeAware: true,
    behaviourWithoutTypes:
      "Names are recognised by the framework import they come from (named, aliased, namespace and `require` imports, deep paths, the umbrella `quidproquo` and the `@quidproquo/*` spelling); a local declaration of the same name shadows the import. With type information, a name a project module re-exports is followed to the framework import too. The installed release is read once per folder from the nearest package.json files up to the workspace root, the lockfile there and node_modules (the `frameworkVersion` option sets it); with no release found, the rule reports nothing. After changing the framework version, restart the editor's TypeScript server so it reads it again.",
    readsOtherFiles: 'always',
    otherFilesRead: "the project's `package.json` and lockfile (the framework version installed)",
    messages,
    schema: {
      type: 'object',
      properties: {
        frameworkVersion: {
          type: 'string',
          description:
            'The quidproquo release the project is on (`0.1.16`), instead of reading it from package.json, the lockfile and node_modules.',
        },
        ignore: { type: 'array', items: { type: 'string' }, description: 'Entries of the release tables not to report, by id (`bc-145`).' },
      },
      additionalProperties: false,
    },
    defaultOptions,
  },

  examples: {
    valid: [
      {
        note: 'Names the installed release still has.',
        code: dedent`
          import { unsafeDecodeJWTPayload } from 'quidproquo-webserver';

          export const claims = unsafeDecodeJWTPayload<{ sub: string }>('token');
        `,
        options: { frameworkVersion: '0.1.16' },
      },
      {
        note: 'A project still on a release before the change is not told about it.',
        code: dedent`
          import { decodeJWT } from 'quidproquo-webserver';

          export const claims = decodeJWT<{ sub: string }>('token');
        `,
        options: { frameworkVersion: '0.0.263' },
      },
      {
        note: 'A local function of the same name is not the framework export.',
        code: dedent`
          import { defineQueue } from 'quidproquo-core';

          function decodeJWT(token: string) {
            return token;
          }
          export const claims = decodeJWT('token');
        `,
        options: { frameworkVersion: '0.1.16' },
      },
    ],
    invalid: [
      {
        note: 'A renamed export: the fix renames the import and its uses.',
        code: dedent`
          import { decodeJWT } from 'quidproquo-webserver';

          export const claims = decodeJWT<{ sub: string }>('token');
        `,
        options: { frameworkVersion: '0.1.16' },
        output: dedent`
          import { unsafeDecodeJWTPayload } from 'quidproquo-webserver';

          export const claims = unsafeDecodeJWTPayload<{ sub: string }>('token');
        `,
        findings: [{ messageId: 'migrate', line: 1, column: 10 }],
      },
      {
        note: 'A changed call shape, and a name that moved to another package.',
        code: dedent`
          import { defineEnvironmentSettings } from 'quidproquo-core';
          import { defineAdminSettings } from 'quidproquo-webserver';

          export const config = [
            defineEnvironmentSettings('production', []),
            defineAdminSettings('logs', 'example.com'),
          ];
        `,
        options: { frameworkVersion: '0.1.16' },
        output: dedent`
          import { defineEnvironmentSettings } from 'quidproquo-core';
          import { defineAdminSettings } from 'quidproquo-features';

          export const config = [
            defineEnvironmentSettings({ production: [] }),
            defineAdminSettings('logs', 'example.com'),
          ];
        `,
        findings: [
          { messageId: 'migrate', line: 2, column: 10 },
          { messageId: 'migrate', line: 5, column: 3 },
        ],
      },
      {
        note: 'A removed export has no mechanical migration: the finding says what to do.',
        code: dedent`
          import { askExtractExpense } from 'quidproquo-webserver';

          export const ask = askExtractExpense;
        `,
        options: { frameworkVersion: '0.1.16' },
        findings: [{ messageId: 'manual', line: 1, column: 10 }],
      },
    ],
  },

  check(context) {
    const tsm = context.ts;
    const sf = context.sourceFile;
    // Cheap gate: a file that names no framework module (nor, with types, a module of its own
    // project that may re-export one) has nothing to report.
    if (!mayHaveSites(sf.text, context.checker !== undefined)) return;
    const installed = installedVersion(context.options.frameworkVersion, sf.fileName, context.program);
    if (!installed) return;
    const entries = lintedEntries(installed, context.options.ignore);
    if (entries.length === 0) return;
    for (const site of outdatedSites(tsm, sf, entries, context.checker)) {
      const data = {
        what: site.message,
        release: site.entry.release,
        id: site.entry.id,
        installed,
        before: releaseBefore(site.entry.release) ?? site.entry.release,
        instruction: site.manual ?? site.entry.instruction ?? site.entry.title,
      };
      const mechanical = site.fix !== undefined && site.manual === undefined;
      const fix = mechanical
        ? { description: `Migrate to quidproquo ${site.entry.release} (${site.entry.id})`, edits: site.fix! }
        : undefined;
      context.report(mechanical ? 'migrate' : 'manual', { start: site.start, end: site.end }, data, fix);
    }
  },
});

function installedVersion(option: string | undefined, fileName: string, program: ts.Program | undefined): string | undefined {
  if (option !== undefined) return normalizeVersion(option);
  return (program ? cacheOfProgram(program) : perProcess).versionOf(path.dirname(fileName));
}
