import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

import { getConfigTypeModel } from '../src/engine/config-type';
import { dedent } from '../src/engine/dedent';
import { findNotSerializable, findNotSerializableLiteral } from '../src/engine/serializable';
import { getStoryRecognizer } from '../src/engine/story-recognition';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qpq-conventions-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A real program of one file, with the default library, so built-in types are what they are. */
function program(name: string, text: string) {
  const file = path.join(scratch, `${name}.ts`);
  fs.writeFileSync(file, text);
  const created = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, types: [] });
  const sourceFile = created.getSourceFile(file)!;
  const checker = created.getTypeChecker();
  /** The type of the declaration named `name` in the file. */
  const typeOf = (declared: string): ts.Type => {
    for (const statement of sourceFile.statements) {
      if ((ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) && statement.name.text === declared)
        return checker.getTypeAtLocation(statement.name);
      if (ts.isVariableStatement(statement))
        for (const d of statement.declarationList.declarations)
          if (ts.isIdentifier(d.name) && d.name.text === declared) return checker.getTypeAtLocation(d.name);
    }
    throw new Error(`no declaration ${declared}`);
  };
  return { program: created, sourceFile, checker, typeOf };
}

describe('the declared result of a delegated story', () => {
  const {
    program: created,
    sourceFile,
    checker,
  } = program(
    'results',
    dedent`
      type Action = { type: string; payload?: unknown };
      type AskResponse<T> = Generator<Action, T, any>;
      declare function askFail(text: string): AskResponse<never>;
      declare function askThrowError<T>(text: string): AskResponse<T>;
      declare function askLoose(): AskResponse<any>;
      declare function askCount(): AskResponse<number>;
      declare function range(): Generator<number, never, unknown>;
      declare const requesters: { askFail: typeof askFail };

      function* story() {
        yield* askFail('a');
        yield* askThrowError('b');
        yield* askLoose();
        yield* askCount();
        yield* range();
        yield* requesters.askFail('c');
      }
    `,
  );
  const stories = getStoryRecognizer(ts, sourceFile, checker, created);
  const calls: ts.CallExpression[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isYieldExpression(node) && node.expression && ts.isCallExpression(node.expression)) calls.push(node.expression);
    ts.forEachChild(node, collect);
  };
  collect(sourceFile);

  it('is never, open (a type parameter or any), the declared type, or nothing for a generator that is not a story', () => {
    const described = calls.map((call) => {
      const result = stories.declaredResultOf(call);
      return typeof result === 'string' || result === undefined ? result : checker.typeToString(result);
    });
    expect(described).toEqual(['never', 'open', 'open', 'number', undefined, 'never']);
  });

  it('is judged once per callee: the same answer object for every call', () => {
    const again = getStoryRecognizer(ts, sourceFile, checker, created).declaredResultOf(calls[3]);
    expect(again).toBe(stories.declaredResultOf(calls[3]));
  });

  it('is nothing without a checker', () => {
    expect(getStoryRecognizer(ts, sourceFile, undefined).declaredResultOf(calls[0])).toBeUndefined();
  });
});

describe('the config type model', () => {
  const { checker, typeOf } = program(
    'config',
    dedent`
      import { BaseSetting } from 'a-package-that-is-not-installed';

      interface QPQConfigSetting {
        configSettingType: string;
        uniqueKey: string;
      }
      type QPQConfigItem = QPQConfigSetting | QPQConfigItem[];
      type QPQConfig = QPQConfigItem[];
      interface RouteSetting extends QPQConfigSetting {
        path: string;
      }
      interface UnresolvedSetting extends BaseSetting {
        path: string;
      }
      type Tree = string | Tree[];
      type Mixed = [RouteSetting, () => void];

      declare const setting: RouteSetting;
      declare const config: QPQConfig;
      declare const nested: [RouteSetting, RouteSetting[][]];
      declare const empty: never[];
      declare const unresolved: UnresolvedSetting;
      declare const tree: Tree;
      declare const trees: Tree[];
      declare const mixed: Mixed;
      declare const maybe: RouteSetting | undefined;
      declare const loose: any;
    `,
  );
  const model = getConfigTypeModel(ts, checker);
  const verdict = (name: string) => model.isConfig(typeOf(name));

  it('takes settings by their identifying keys, and config arrays at any depth, the recursive QPQConfig included', () => {
    expect(['setting', 'config', 'nested', 'empty'].map(verdict)).toEqual(['yes', 'yes', 'yes', 'yes']);
  });

  it('gives no verdict on a setting whose base type cannot be resolved, or on any', () => {
    expect([verdict('unresolved'), verdict('loose')]).toEqual(['unknown', 'unknown']);
  });

  it('rejects what holds anything else, and keeps a recursive type that is not config rejected on every path', () => {
    expect(['tree', 'trees', 'mixed', 'maybe'].map(verdict)).toEqual(['no', 'no', 'no', 'no']);
    expect(verdict('trees')).toBe('no');
  });

  it('is one model per checker', () => {
    expect(getConfigTypeModel(ts, checker)).toBe(model);
  });
});

describe('what JSON does not carry', () => {
  const { checker, typeOf } = program(
    'serializable',
    dedent`
      class Session {
        constructor(readonly userId: string) {}
      }
      interface Store {
        name: string;
        load(id: string): Promise<string>;
      }
      type LinkedItem = { value: number; next: LinkedItem | null };
      type Flags = Record<string, boolean>;
      type Handlers = Record<string, (id: string) => void>;

      declare const plain: { id: string; tags: string[]; counts: [number, number]; nested: { on: boolean | null } };
      declare const list: LinkedItem;
      declare const flags: Flags;
      declare const store: Store;
      declare const handlers: Handlers;
      declare const session: { user: Session };
      declare const seen: { ids: Set<string> };
      declare const when: { at: Date };
      declare const key: { id: symbol };
      declare const big: { id: bigint };
      declare const optional: { onSave?: () => void };
      declare const factory: typeof Session;
      declare const unknownValue: unknown;
    `,
  );
  const problem = (name: string) => findNotSerializable(ts, checker, typeOf(name));

  it('passes plain data: primitives, arrays, tuples, records, nulls, recursive types, unknown', () => {
    expect(['plain', 'list', 'flags', 'unknownValue'].map(problem)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('finds functions, methods, class instances, built-in objects, symbols and bigints, with their path', () => {
    expect(['store', 'handlers', 'session', 'seen', 'when', 'key', 'big', 'optional', 'factory'].map(problem)).toEqual([
      { path: '.load', what: 'a function' },
      { path: '[]', what: 'a function' },
      { path: '.user', what: 'an instance of Session' },
      { path: '.ids', what: 'a Set' },
      { path: '.at', what: 'a Date' },
      { path: '.id', what: 'a symbol' },
      { path: '.id', what: 'a bigint' },
      { path: '.onSave', what: 'a function' },
      { path: '', what: 'a class' },
    ]);
  });

  it('finds the same in written values, without types', () => {
    const literal = (text: string) => {
      const file = ts.createSourceFile('value.ts', `const value = ${text};`, ts.ScriptTarget.Latest, true);
      const declaration = (file.statements[0] as ts.VariableStatement).declarationList.declarations[0];
      return findNotSerializableLiteral(ts, declaration.initializer!);
    };
    expect(
      [
        "{ id: 'a', tags: ['x'], nested: { on: true } }",
        '{ get label() { return "x"; } }',
        '{ send: (text: string) => text }',
        '{ load() { return 1; } }',
        '[1, new Map()]',
        '{ user: new Session("u") }',
        '{ key: Symbol("k") }',
        '{ id: 10n }',
        '(function () {}) as unknown',
      ].map(literal),
    ).toEqual([
      undefined,
      undefined,
      { path: '.send', what: 'a function' },
      { path: '.load', what: 'a function' },
      { path: '[]', what: 'a Map' },
      { path: '.user', what: 'an instance of Session' },
      { path: '.key', what: 'a symbol' },
      { path: '.id', what: 'a bigint' },
      { path: '', what: 'a function' },
    ]);
  });
});
