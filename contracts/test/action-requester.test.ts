import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { requestedActionOfCall, type StoryCallNode, yieldedActionsOfCall } from '../src';
import { dedent } from '../src/engine/dedent';
import { programOf, watchedChecker } from './in-memory-program';

/** What each `yield* <callee>(` in /p/stories.ts requests, as text. */
function requested(files: Record<string, string>, framework = true): Record<string, string> {
  const program = programOf(files, framework);
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile('/p/stories.ts')!;
  const result: Record<string, string> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isYieldExpression(node) && node.asteriskToken && node.expression && ts.isCallExpression(node.expression)) {
      const call = node.expression as StoryCallNode;
      const action = requestedActionOfCall(ts, checker, call, program);
      const show = (type: ts.Type | undefined) => (type ? checker.typeToString(type) : '-');
      result[(call as ts.CallExpression).expression.getText()] = action
        ? `${action.actionTypes.join(' | ')} / ${show(action.payload)} / ${show(action.returns)}`
        : 'no requester';
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return result;
}

const DECLARED = dedent`
  import type { Action, ActionRequester, ActionRequesterFunction } from 'quidproquo-core';

  export declare const askThingDo: ActionRequesterFunction<'@app/Thing/Do', [id: string], { id: string }, number>;
  export interface LegacyLoadAction extends Action<{ id: string; scope?: string }> {
    type: '@app/Legacy/Load';
  }
  export declare function askLegacyLoad(id: string): ActionRequester<LegacyLoadAction, string[]>;
`;

describe('requestedActionOfCall: the action a requester call asks for', () => {
  it('knows factory requesters by the definition they carry, in source or only declared, and hand-written ones by their declared yield', () => {
    const stories = dedent`
      import { askKeyValueStoreUpsert, askNewGuid, Action, ActionRequester, AskResponse } from 'quidproquo-core';
      import { askLegacyLoad, askThingDo } from './framework';

      interface SaveAction extends Action<{ name: string }> {
        type: '@app/Save';
      }
      function* askSave(name: string): ActionRequester<SaveAction, boolean> {
        return yield { type: '@app/Save', payload: { name } };
      }
      function* askTwice(): AskResponse<void> {
        yield* askNewGuid();
        yield* askNewGuid();
      }
      export function* askAll(): AskResponse<void> {
        const id = yield* askNewGuid();
        yield* askKeyValueStoreUpsert('todos', { id });
        yield* askThingDo(id);
        yield* askLegacyLoad(id);
        yield* askSave(id);
        yield* askTwice();
      }
    `;
    expect(requested({ '/p/stories.ts': stories, '/p/framework.d.ts': DECLARED })).toEqual({
      askNewGuid: '@quidproquo-core/Guid/New / - / string',
      askKeyValueStoreUpsert: '@quidproquo-core/KeyValueStore/Upsert / { keyValueStoreName: string; item: unknown; } / void',
      askThingDo: '@app/Thing/Do / { id: string; } / number',
      askLegacyLoad: '@app/Legacy/Load / { id: string; scope?: string | undefined; } / string[]',
      askSave: '@app/Save / { name: string; } / boolean',
      askTwice: 'no requester',
    });
  });

  it('knows an unannotated hand-written requester by its one plain yield, where the framework is not in the program', () => {
    const stories = dedent`
      function* askPing(host: string) {
        return yield { type: '@app/Ping', payload: { host } };
      }
      function* askPingTwice(host: string) {
        yield { type: '@app/Ping', payload: { host } };
        return yield { type: '@app/Ping', payload: { host } };
      }
      export function* story() {
        yield* askPing('here');
        yield* askPingTwice('here');
      }
    `;
    expect(requested({ '/p/stories.ts': stories }, false)).toEqual({
      askPing: '@app/Ping / { host: string; } / any',
      askPingTwice: 'no requester',
    });
  });
});

describe('yieldedActionsOfCall with the program', () => {
  it('lists the actions of requesters only declared in .d.ts files, factory-built or hand-written', () => {
    const stories = dedent`
      import { AskResponse } from 'quidproquo-core';
      import { askLegacyLoad, askThingDo } from './framework';

      function* askLoadBoth(id: string): AskResponse<void> {
        yield* askThingDo(id);
        yield* askLegacyLoad(id);
      }
      export function* story(): AskResponse<void> {
        yield* askLoadBoth('x');
      }
    `;
    const program = programOf({ '/p/stories.ts': stories, '/p/framework.d.ts': DECLARED });
    const sourceFile = program.getSourceFile('/p/stories.ts')!;
    const call = (function find(node: ts.Node): ts.CallExpression | undefined {
      if (ts.isCallExpression(node) && node.expression.getText() === 'askLoadBoth') return node;
      return ts.forEachChild(node, find);
    })(sourceFile)!;
    const actions = yieldedActionsOfCall(ts, program.getTypeChecker(), call, program);
    expect({ types: [...actions.types].sort(), complete: actions.complete }).toEqual({
      types: ['@app/Legacy/Load', '@app/Thing/Do'],
      complete: true,
    });
  });

  it("follows generic stories without inferring their calls' type arguments, unless what they yield depends on them", () => {
    const stories = dedent`
      import { Action, askCatch, askNewGuid, AskResponse } from 'quidproquo-core';

      interface TypedAction<T extends string> extends Action<undefined> {
        type: T;
      }
      function* askTyped<T extends string>(type: T): Generator<TypedAction<T>, void, unknown> {
        yield { type } as TypedAction<T>;
      }
      function* askEach<T, R>(items: T[], each: (item: T) => AskResponse<R>): AskResponse<R[]> {
        const out: R[] = [];
        for (const item of items) out.push(yield* each(item));
        yield* askNewGuid();
        return out;
      }
      function* askAll(): AskResponse<void> {
        yield* askEach([1, 2], function* (n) {
          return n;
        });
        yield* askCatch(askEach(['a'], function* (s) {
          return s;
        }));
        yield* askTyped('@app/Typed');
      }
      export function* story(): AskResponse<void> {
        yield* askAll();
      }
    `;
    const program = programOf({ '/p/stories.ts': stories });
    const sourceFile = program.getSourceFile('/p/stories.ts')!;
    // The calls of each callee, in source order.
    const calls = new Map<string, ts.CallExpression[]>();
    (function find(node: ts.Node): void {
      if (ts.isCallExpression(node)) {
        const callee = node.expression.getText();
        calls.set(callee, [...(calls.get(callee) ?? []), node]);
      }
      ts.forEachChild(node, find);
    })(sourceFile);
    const typed = new Set<ts.Node>();
    const checker = watchedChecker(program.getTypeChecker(), 'getTypeAtLocation', (node) => typed.add(node));
    const actions = yieldedActionsOfCall(ts, checker, calls.get('askAll')![0], program);
    expect({ types: [...actions.types].sort(), complete: actions.complete }).toEqual({
      types: ['@app/Typed', '@quidproquo-core/Guid/New'],
      // `each(item)` calls a parameter: a story no declaration says.
      complete: false,
    });
    expect([...calls.get('askEach')!, ...calls.get('askTyped')!].map((call) => typed.has(call))).toEqual([false, false, true]);
  });
});
