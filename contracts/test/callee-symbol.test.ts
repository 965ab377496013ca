import * as path from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { calleeSymbolOf } from '../src/engine/callee-symbol';
import { noteFileChecked } from '../src/engine/checked-files';
import { dedent } from '../src/engine/dedent';
import { programOf, watchedChecker } from './in-memory-program';

const LOGIC = dedent`
  export function* askLoad(id: string) {
    return id;
  }
  export const helpers = { format(id: string): string { return id; } };
  export class Store {
    static open(): Store { return new Store(); }
    read(): string { return ''; }
  }
  export class Cache extends Store {
    evict(): void {}
  }
`;

const CALLS = dedent`
  import * as logic from './logic';
  import { Cache, helpers, Store } from './logic';

  interface HttpEvent { path: string; tags?: string[] }

  export function run(event: HttpEvent, id: string, store: Store, either: string | string[]) {
    Math.floor(1.5);
    id.split('-');
    event.path.split('/').filter(Boolean);
    logic.askLoad(id);
    helpers.format(id);
    Store.open().read();
    if (store instanceof Cache) store.evict();
    either.slice(0);
    event.tags?.map((tag) => tag);
    [1, 2].map((n) => n).join();
    {
      const helpers = { format: (value: string) => value };
      helpers.format(id);
    }
  }

  import { askLoad } from './logic';

  export function* askTwice(id: string) {
    yield* askLoad(id);
    return yield* askLoad(id);
  }

  export function shadowed(askLoad: (id: string) => number) {
    return askLoad('x');
  }
`;

/** `Owner.name (file)` of a symbol's first declaration: comparable across two programs. */
function describeSymbol(symbol: ts.Symbol | undefined): string {
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration) return '-';
  let owner: ts.Node | undefined = declaration.parent;
  while (
    owner &&
    !ts.isSourceFile(owner) &&
    !((ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner) || ts.isVariableDeclaration(owner)) && owner.name)
  )
    owner = owner.parent;
  const ownerName = owner && !ts.isSourceFile(owner) ? `${(owner as ts.InterfaceDeclaration).name.getText()}.` : '';
  return `${ownerName}${symbol.getName()} (${path.basename(declaration.getSourceFile().fileName)})`;
}

function calls(sourceFile: ts.SourceFile): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The checker's own route: the symbol at the callee's name, aliases followed. */
function checkerRoute(checker: ts.TypeChecker, callee: ts.Expression): ts.Symbol | undefined {
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
  const symbol = name && checker.getSymbolAtLocation(name);
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** Each callee of `fileName` as written, with what calleeSymbolOf and, in a second program, the checker resolve it to. */
function resolveBothWays(fast: ts.Program, slow: ts.Program, fileName: string): Array<[string, string, string]> {
  const fastChecker = fast.getTypeChecker();
  const slowChecker = slow.getTypeChecker();
  const fastCalls = calls(fast.getSourceFile(fileName)!);
  const slowCalls = calls(slow.getSourceFile(fileName)!);
  return fastCalls.map((call, i) => [
    call.expression.getText(),
    describeSymbol(calleeSymbolOf(ts, fastChecker, call.expression)),
    describeSymbol(checkerRoute(slowChecker, slowCalls[i].expression)),
  ]);
}

/**
 * `callee -> symbol` for each call of `fileName` among in-memory `files`, once the checker's own
 * route, in a second program, has been found to agree on every one.
 */
function resolvedInMemory(files: Record<string, string>, fileName: string): string[] {
  const makeProgram = () => programOf(files, false);
  const resolved = resolveBothWays(makeProgram(), makeProgram(), fileName);
  for (const [callee, fast, slow] of resolved) expect(`${callee} -> ${fast}`).toBe(`${callee} -> ${slow}`);
  return resolved.map(([callee, symbol]) => `${callee} -> ${symbol}`);
}

describe('calleeSymbolOf', () => {
  it('resolves each callee to its declaration, through declared receivers and the checker alike', () => {
    expect(resolvedInMemory({ '/p/logic.ts': LOGIC, '/p/calls.ts': CALLS }, '/p/calls.ts')).toEqual([
      'Math.floor -> Math.floor (lib.es5.d.ts)',
      'id.split -> String.split (lib.es5.d.ts)',
      "event.path.split('/').filter -> Array.filter (lib.es5.d.ts)",
      'event.path.split -> String.split (lib.es5.d.ts)',
      'logic.askLoad -> askLoad (logic.ts)',
      'helpers.format -> helpers.format (logic.ts)',
      'Store.open().read -> Store.read (logic.ts)',
      'Store.open -> Store.open (logic.ts)',
      // A member only the narrowed type has: the checker's route.
      'store.evict -> Cache.evict (logic.ts)',
      // A union receiver: the checker's route (a property of the union).
      'either.slice -> String.slice (lib.es5.d.ts)',
      'event.tags?.map -> Array.map (lib.es5.d.ts)',
      '[1, 2].map((n) => n).join -> Array.join (lib.es5.d.ts)',
      '[1, 2].map -> Array.map (lib.es5.d.ts)',
      // A block-scoped name of the module's: the local one inside the block.
      'helpers.format -> helpers.format (calls.ts)',
      // One name, resolved once for the file, then a parameter of the same name.
      'askLoad -> askLoad (logic.ts)',
      'askLoad -> askLoad (logic.ts)',
      'askLoad -> askLoad (calls.ts)',
    ]);
  });

  it('reads imported names from the exported list of their module, and leaves what it cannot read to the checker', () => {
    const files = {
      '/p/logic.ts': LOGIC,
      '/p/barrel.ts': dedent`
        export * from './logic';
        export { askLoad as askFetch } from './logic';
        export default function* askDefault() {}
      `,
      '/p/legacy.ts': dedent`
        function legacy(): void {}
        namespace legacy {
          export function askOld(): number {
            return 1;
          }
        }
        export = legacy;
      `,
      '/p/imports.ts': dedent`
        import askDefault, { askFetch, askLoad as askLoadAgain, helpers } from './barrel';
        import * as barrel from './barrel';
        import { askOld } from './legacy';
        // @ts-expect-error: not exported
        import { askMissing } from './logic';

        export function run() {
          askDefault();
          askFetch('a');
          askLoadAgain('b');
          helpers.format('c');
          barrel.askLoad('d');
          askOld();
          askMissing();
        }
      `,
    };
    expect(resolvedInMemory(files, '/p/imports.ts')).toEqual([
      'askDefault -> default (barrel.ts)',
      // Re-exported under another name, and imported under another name: the declaration.
      'askFetch -> askLoad (logic.ts)',
      'askLoadAgain -> askLoad (logic.ts)',
      'helpers.format -> helpers.format (logic.ts)',
      'barrel.askLoad -> askLoad (logic.ts)',
      // A module with `export =`, and a name its module lacks: the checker's route.
      'askOld -> askOld (legacy.ts)',
      'askMissing -> -',
    ]);
  });

  it('resolves a module name once per folder that imports it alike, and each folder to its own module', () => {
    const lib = (name: string) => `export function* ${name}() {}\n`;
    const caller = "import { askLoad } from './lib';\nexport function* run() {\n  yield* askLoad();\n}\n";
    const files = {
      '/p/a/lib.ts': lib('askLoad'),
      '/p/a/one.ts': caller,
      '/p/a/two.ts': caller,
      '/p/b/lib.ts': `// the other folder's own\n${lib('askLoad')}`,
      '/p/b/three.ts': caller,
    };
    const program = programOf(files, false);
    const asked: string[] = [];
    const watched = watchedChecker(program.getTypeChecker(), 'getSymbolAtLocation', (node) => {
      if (ts.isStringLiteral(node)) asked.push(`${node.getSourceFile().fileName} ${node.text}`);
    });
    const resolved = ['/p/a/one.ts', '/p/a/two.ts', '/p/b/three.ts'].map((fileName) => {
      const [call] = calls(program.getSourceFile(fileName)!);
      return `${fileName} -> ${calleeSymbolOf(ts, watched, call.expression)?.declarations?.[0]?.getSourceFile().fileName}`;
    });

    expect(resolved).toEqual(['/p/a/one.ts -> /p/a/lib.ts', '/p/a/two.ts -> /p/a/lib.ts', '/p/b/three.ts -> /p/b/lib.ts']);
    expect(asked).toEqual(['/p/a/one.ts ./lib', '/p/b/three.ts ./lib']);
  });

  it('finds a default-library method of a generically made receiver on the declared type, without inferring the receiver', () => {
    const files = {
      '/p/logic.ts': dedent`
        export type AskResponse<T> = Generator<{ type: string }, T, unknown>;
        export function* askMap<T, R>(items: T[], each: (item: T) => AskResponse<R>): AskResponse<R[]> {
          const results: R[] = [];
          for (const item of items) results.push(yield* each(item));
          return results;
        }
        export function* askCount(): AskResponse<number> {
          return 1;
        }
        export function same<T>(value: T): T {
          return value;
        }
        export interface Box<T> {
          value: T;
          open(): T;
          slice(): T;
        }
        export function box<T>(value: T): Box<T> {
          return { value, open: () => value, slice: () => value };
        }
      `,
      '/p/calls.ts': dedent`
        import { askCount, askMap, box, same } from './logic';

        export function* askRun(ids: string[]) {
          const lengths = yield* askMap(ids, function* (id) {
            return id.length;
          });
          lengths.slice(0);
          const count = yield* askCount();
          count.toFixed();
          const words = ids.map((id) => id.trim());
          words.filter(Boolean);
          ids.map((id) => id).join();
          const picked = same(ids);
          picked.slice(0);
          const boxed = box(ids);
          boxed.slice();
        }
      `,
    };
    expect(resolvedInMemory(files, '/p/calls.ts')).toEqual([
      'askMap -> askMap (logic.ts)',
      'lengths.slice -> Array.slice (lib.es5.d.ts)',
      'askCount -> askCount (logic.ts)',
      'count.toFixed -> Number.toFixed (lib.es5.d.ts)',
      'ids.map -> Array.map (lib.es5.d.ts)',
      'id.trim -> String.trim (lib.es5.d.ts)',
      'words.filter -> Array.filter (lib.es5.d.ts)',
      'ids.map((id) => id).join -> Array.join (lib.es5.d.ts)',
      'ids.map -> Array.map (lib.es5.d.ts)',
      'same -> same (logic.ts)',
      // A type parameter as the declared result, and a member the program declares: the receiver's own type.
      'picked.slice -> Array.slice (lib.es5.d.ts)',
      'box -> box (logic.ts)',
      'boxed.slice -> Box.slice (logic.ts)',
    ]);

    const program = programOf(files, false);
    const inferred: string[] = [];
    const watched = watchedChecker(program.getTypeChecker(), 'getTypeOfSymbol', (symbol) => {
      const declaration = (symbol as unknown as ts.Symbol).valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration)) inferred.push(declaration.name.getText());
    });
    for (const call of calls(program.getSourceFile('/p/calls.ts')!)) calleeSymbolOf(ts, watched, call.expression);
    expect(inferred).toEqual(['picked', 'boxed']);

    // A receiver's name is asked of the checker once for both routes.
    const asked: string[] = [];
    const second = programOf(files, false);
    const watchedNames = watchedChecker(second.getTypeChecker(), 'getSymbolAtLocation', (node) => asked.push(node.getText()));
    for (const call of calls(second.getSourceFile('/p/calls.ts')!)) calleeSymbolOf(ts, watchedNames, call.expression);
    expect(asked).toEqual(["'./logic'", 'lengths', 'count', 'ids', 'id', 'words', 'ids', 'picked', 'boxed']);
  });

  it('in a file its checker has checked, asks the checker for each callee it resolved there, with the same answers', () => {
    const files = { '/p/logic.ts': LOGIC, '/p/calls.ts': CALLS };
    const unchecked = resolvedInMemory(files, '/p/calls.ts');
    const program = programOf(files, false);
    const sourceFile = program.getSourceFile('/p/calls.ts')!;
    program.getSemanticDiagnostics(sourceFile);
    const asked: string[] = [];
    const watched = watchedChecker(program.getTypeChecker(), 'getSymbolAtLocation', (node) => asked.push(node.getText()));
    noteFileChecked(watched, sourceFile);

    const checked = calls(sourceFile).map(
      (call) => `${call.expression.getText()} -> ${describeSymbol(calleeSymbolOf(ts, watched, call.expression))}`,
    );

    expect(checked).toEqual(unchecked);
    // The callee's own name, method names included: no receiver is read for its declared type.
    expect(asked).toEqual(
      calls(sourceFile).map((call) => (ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression).getText()),
    );
  });

  it.each(['sample-app', 'violations'])('agrees with the checker on every call of the %s fixtures', (fixture) => {
    const configFile = path.join(__dirname, '..', '..', 'fixtures', fixture, 'tsconfig.json');
    const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const files = config.fileNames.filter((f) => !f.endsWith('.fixed.ts'));
    // Two programs: the checker's answers must not come from what calleeSymbolOf asked first.
    const fast = ts.createProgram(files, config.options);
    const slow = ts.createProgram(files, config.options);
    let compared = 0;
    for (const file of files) {
      for (const [callee, fastSymbol, slowSymbol] of resolveBothWays(fast, slow, file)) {
        const where = `${path.relative(path.dirname(configFile), file)}: ${callee}`;
        expect(`${where} -> ${fastSymbol}`).toBe(`${where} -> ${slowSymbol}`);
        compared++;
      }
    }
    // Guards the loop above against an empty fixture list.
    expect(compared).toBeGreaterThan(20);
  });
});
