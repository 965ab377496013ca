import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { dedent } from '../engine/dedent';
import { DISK_ANSWER_LIFETIME_MS } from '../engine/disk-answers';
import { unaliased } from '../engine/imported-symbol';
import { resolveModuleFile, type RuntimeReference, runtimeReferencesIn, syntacticExports } from '../engine/runtime-reference';
import { declaredExportNames, scannedExportNames } from '../engine/scanned-exports';
import { hasAsyncModifier } from '../engine/syntax';
import { isTestFile } from '../engine/test-files';
import type { ContractContext } from '../types';

interface Options {
  testFiles: boolean;
}

const messages = {
  missingSeparator:
    "`{{text}}` has no `::`: a runtime reference is '/path/to/module::exportName', and the framework rejects this one when the config is built.",
  moduleNotFound:
    '`{{module}}` does not exist from the config root: tried the TypeScript and JavaScript extensions and index files. The build or deploy would fail.',
  exportNotFound: '`{{module}}` has no export `{{name}}`{{known}}. The build or deploy would fail.',
  notAStory: '`{{name}}` in `{{module}}` is not a story: the runtime would call it and drive what it returns as a story.',
  asyncStory:
    '`{{name}}` in `{{module}}` is an async generator: the runtime drives a story with `next()` and never awaits it, so a story is a plain `function*`.',
};

type MessageId = keyof typeof messages;

const ASYNC_ITERATORS = new Set(['AsyncGenerator', 'AsyncIterableIterator', 'AsyncIterator', 'AsyncIterable']);

export const validRuntimeReference = defineContract({
  meta: {
    id: 'valid-runtime-reference',
    diagnosticCode: 990008,
    description: 'Require config runtime references to name an existing module and exported story.',
    rationale:
      "A qpq config names the story each route, queue, schedule and deploy event runs: `'/path/to/module::exportName'` resolved against the config root (the `configRoot` given to `defineApplicationModule`, usually the config file's `__dirname`), or `{ basePath, relativePath, functionName }`. A string without `::` throws when the config is built, but a module or export that does not exist only fails at build or deploy time. This rule checks them where they are written, and the editor plugin goes to the story from the string and completes module paths and export names in it.",
    type: 'problem',
    recommended: 'error',
    fixable: false,
    hasSuggestions: false,
    typeAware: true,
    behaviourWithoutTypes:
      "A runtime reference is the runtime argument of `defineRoute`, `defineQueue`, `defineRecurringSchedule` and `defineDeployEvent`, and any `'/module::export'` string or `{ basePath, relativePath, functionName }` object given to another `define*` setting (seeds, migrations, service functions, ...); those of `defineActionProcessors`, `defineDynamicFunctions` and `defineInlineFunction` name something other than a story. Test files are skipped unless the `testFiles` option includes them. Modules are found on disk and their exports read from their syntax (a module with `export * from` is not judged for missing exports); what the disk answered is reused for one second, so a module created or changed is seen by the next lint a second later. With type information the program resolves the module and its exports, re-exports included, and an export that a story setting names but that is not a story (or is an async generator) is reported. The config root is the file's directory unless `defineApplicationModule` is given a static path (`__dirname`, a string, or `path.join(__dirname, ...)`).",
    readsOtherFiles: 'always',
    otherFilesRead: 'the modules a runtime reference names',
    messages,
    schema: {
      type: 'object',
      properties: {
        testFiles: {
          type: 'boolean',
          description:
            'Also judge test files (`*.test.*`, `*.spec.*`, files under `__tests__/` or `testing/`), whose configs often name stand-in modules.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { testFiles: false },
  },

  examples: {
    valid: [
      {
        note: 'References outside any config call are not judged; references with parts that are not static are skipped.',
        code: dedent`
          const label = '/controllers/todo';
          export const routes = [defineRoute('GET', '/todos', runtimeFor('todos'))];
        `,
      },
    ],
    invalid: [
      {
        note: 'A string without `::`, and a module that is not there.',
        code: dedent`
          export const routes = [
            defineRoute('GET', '/todos', '/controllers/todoController'),
            defineRoute('GET', '/todo', '/controllers/missingController::getTodo'),
          ];
        `,
        findings: [
          { messageId: 'missingSeparator', line: 2, column: 32 },
          { messageId: 'moduleNotFound', line: 3, column: 31 },
        ],
      },
    ],
  },

  check(context) {
    if (!context.options.testFiles && isTestFile(context.sourceFile.fileName)) return;
    for (const reference of runtimeReferencesIn(context.ts, context.sourceFile)) judge(context, reference);
  },
});

/** Reports what is wrong with one reference, if anything. */
function judge(context: ContractContext<Options, MessageId>, reference: RuntimeReference): void {
  const { sourceFile } = context;
  const report = (messageId: MessageId, data: Record<string, string>) => context.report(messageId, reference.node, data);
  const text = reference.node.getText(sourceFile).slice(1, -1);
  if (reference.missingSeparator) return report('missingSeparator', { text });
  if (reference.modulePath === undefined || reference.exportName === undefined) return;
  const module = text.includes('::') ? text.slice(0, text.indexOf('::')) : reference.modulePath;
  const target = findModule(context, reference.modulePath);
  if (!target) return report('moduleNotFound', { module });
  // Without a program only presence is judged, and most modules declare the export on a line of its own.
  if (!target.sourceFile && declaresExportOnDisk(context.ts, target.fileName, reference.exportName)) return;

  const exported = exportsOf(context, target);
  if (!exported) return;
  const symbol = exported.get(reference.exportName);
  if (!symbol) {
    const names = [...exported.keys()].filter((n) => n !== 'default').slice(0, 5);
    return report('exportNotFound', {
      module,
      name: reference.exportName,
      known: names.length ? ` (it exports ${names.map((n) => `\`${n}\``).join(', ')})` : '',
    });
  }
  if (context.checker && target.sourceFile && typeof symbol !== 'boolean' && reference.namesAStory) {
    // Most references name a generator function that declares what it returns: judged by its
    // declaration (an annotation with the framework's alias is judged once for the program).
    const declared = annotatedGenerator(context, symbol);
    if (declared) {
      if (context.stories.verdictOfFunction(declared) === 'not-story') report('notAStory', { module, name: reference.exportName });
      return;
    }
    const type = context.checker.getTypeOfSymbolAtLocation(symbol, target.sourceFile);
    const signatures = type.getCallSignatures();
    if (signatures.length > 0 && signatures.every((s) => ASYNC_ITERATORS.has(s.getReturnType().getSymbol()?.getName() ?? ''))) {
      return report('asyncStory', { module, name: reference.exportName });
    }
    if (context.stories.verdictOfCallable(type) === 'not-story') return report('notAStory', { module, name: reference.exportName });
  }
  return;
}

/** The export's declaration when it is one `function*` (not `async`) with a declared return type. */
function annotatedGenerator(context: ContractContext<Options, MessageId>, exported: ts.Symbol): ts.FunctionDeclaration | undefined {
  const tsm = context.ts;
  const declarations = unaliased(tsm, context.checker!, exported)?.declarations;
  const declaration = declarations?.length === 1 ? declarations[0] : undefined;
  if (!declaration || !tsm.isFunctionDeclaration(declaration) || !declaration.asteriskToken || !declaration.type || !declaration.body)
    return undefined;
  return hasAsyncModifier(tsm, declaration) ? undefined : declaration;
}

/** A module a reference names: its file in the program, or a file on disk whose exports are read from its text when asked. */
export interface ModuleTarget {
  fileName: string;
  /** Present when the module is part of the program. */
  sourceFile?: ts.SourceFile;
}

/** The module: from the program when there is one, else found on disk. */
export function findModule(context: Pick<ContractContext, 'ts' | 'program'>, modulePath: string): ModuleTarget | undefined {
  const { program } = context;
  const tsm = context.ts;
  const inProgram = program && resolveModuleFile(modulePath, (file) => program.getSourceFile(file) !== undefined);
  if (inProgram) return { fileName: inProgram, sourceFile: program!.getSourceFile(inProgram) };
  const onDisk = resolveModuleFile(modulePath, (file) => fileExistsOnDisk(tsm, file));
  return onDisk ? { fileName: onDisk } : undefined;
}

/** Entries kept at most; a process that lints more distinct paths than this starts afresh. */
const DISK_CACHE_LIMIT = 20_000;

const existenceCache = new Map<string, { at: number; exists: boolean }>();

function fileExistsOnDisk(tsm: typeof ts, fileName: string): boolean {
  const now = performance.now();
  const cached = existenceCache.get(fileName);
  if (cached && now - cached.at < DISK_ANSWER_LIFETIME_MS) return cached.exists;
  const exists = tsm.sys?.fileExists(fileName) ?? false;
  if (existenceCache.size >= DISK_CACHE_LIMIT) existenceCache.clear();
  existenceCache.set(fileName, { at: now, exists });
  return exists;
}

/** What was read of a module on disk, while its modification time stays the same. */
interface DiskModule {
  at: number;
  stamp: number;
  /** Names its text declares exported on a line of their own (`declaredExportNames`). */
  declared: ReadonlySet<string>;
  /** Every name it exports, once asked; undefined when not knowable. */
  names?: { list: string[] | undefined };
}

const diskModules = new Map<string, DiskModule>();

function diskModule(tsm: typeof ts, fileName: string): DiskModule {
  const now = performance.now();
  const cached = diskModules.get(fileName);
  if (cached && now - cached.at < DISK_ANSWER_LIFETIME_MS) return cached;
  const stamp = tsm.sys.getModifiedTime?.(fileName)?.getTime() ?? 0;
  if (cached && cached.stamp === stamp) {
    cached.at = now;
    return cached;
  }
  const module: DiskModule = { at: now, stamp, declared: declaredExportNames(tsm.sys.readFile(fileName) ?? '') };
  if (diskModules.size >= DISK_CACHE_LIMIT) diskModules.clear();
  diskModules.set(fileName, module);
  return module;
}

function declaresExportOnDisk(tsm: typeof ts, fileName: string, name: string): boolean {
  return diskModule(tsm, fileName).declared.has(name);
}

function exportNamesOnDisk(tsm: typeof ts, fileName: string): string[] | undefined {
  const module = diskModule(tsm, fileName);
  if (!module.names) {
    const text = tsm.sys.readFile(fileName) ?? '';
    // The scanner reads most modules several times faster than a parse; it leaves the rest to one,
    // and JSX (whose text it does not read) to a parse always.
    let list = /\.[jt]sx$/i.test(fileName) ? undefined : scannedExportNames(tsm, text);
    if (list === undefined) {
      const found = syntacticExports(tsm, tsm.createSourceFile(fileName, text, tsm.ScriptTarget.Latest, false));
      list = found && [...found.keys()];
    }
    module.names = { list };
  }
  return module.names.list;
}

/** Export name -> symbol (with a checker) or `true` (syntax only); undefined when not knowable. */
export function exportsOf(
  context: Pick<ContractContext, 'ts' | 'checker' | 'program'>,
  target: ModuleTarget,
): Map<string, ts.Symbol | true> | undefined {
  const { checker } = context;
  if (target.sourceFile && checker) {
    const moduleSymbol = checker.getSymbolAtLocation(target.sourceFile);
    if (!moduleSymbol) return new Map();
    return new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.getName(), s] as const));
  }
  const names = target.sourceFile
    ? syntacticExports(context.ts, target.sourceFile)?.keys()
    : exportNamesOnDisk(context.ts, target.fileName);
  return names && new Map([...names].map((name) => [name, true] as const));
}
