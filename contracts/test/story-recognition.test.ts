import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { dedent } from '../src/engine/dedent';
import { getStoryRecognizer } from '../src/engine/story-recognition';
import { programOf, watchedChecker } from './in-memory-program';

const TYPES = dedent`
  import { Action } from 'quidproquo-core';

  /** Yields do not depend on the arguments: one verdict for every use. */
  export type Story<T> = Generator<Action<any>, T, any>;
  /** Yields are the argument: each use is judged on its own. */
  export type Stream<Y> = Generator<Y, void, unknown>;
  export type Numbers = Generator<number, void, unknown>;
`;

const STORIES = dedent`
  import { Action, AskResponse } from 'quidproquo-core';
  import { Numbers, Story, Stream } from './types';
  import type { Story as StoryType } from './types';

  type LocalStory = Generator<Action<any>, string, any>;

  export function* askFramework(): AskResponse<string> {
    return '';
  }
  export function* askOwnAlias(): Story<number> {
    return 1;
  }
  export function* askTypeOnlyImport(): StoryType<void> {}
  export function* askStreamOfActions(): Stream<Action<any>> {}
  export function* countTo(): Stream<number> {
    yield 1;
  }
  export function* numbers(): Numbers {
    yield 1;
  }
  export function* askLocal(): LocalStory {
    return '';
  }
  export function* unannotated() {
    yield 1;
  }
`;

/** Each function's verdict, and the one its resolved return type gives in a second program. */
function verdicts(): Array<[string, string, string]> {
  const files = { '/p/types.ts': TYPES, '/p/stories.ts': STORIES };
  const [fast, slow] = [programOf(files), programOf(files)];
  const fastFile = fast.getSourceFile('/p/stories.ts')!;
  const slowFile = slow.getSourceFile('/p/stories.ts')!;
  const fastStories = getStoryRecognizer(ts, fastFile, fast.getTypeChecker(), fast);
  const slowStories = getStoryRecognizer(ts, slowFile, slow.getTypeChecker(), slow);
  const functions = (file: ts.SourceFile) => file.statements.filter(ts.isFunctionDeclaration);
  const slowFunctions = functions(slowFile);
  return functions(fastFile).map((fn, i) => {
    // The checker's route, in a program that has judged no alias: the function's own signature.
    const expected = slowStories.verdictOfCallable(slow.getTypeChecker().getTypeAtLocation(slowFunctions[i].name!));
    return [fn.name!.text, fastStories.verdictOfFunction(fn), expected];
  });
}

describe('verdictOfFunction', () => {
  it('judges an annotation by its imported alias where the alias yields the same whatever its arguments, and agrees with the checker everywhere', () => {
    const found = verdicts();
    expect(found.map(([name, verdict]) => `${name}: ${verdict}`)).toEqual([
      'askFramework: story',
      'askOwnAlias: story',
      'askTypeOnlyImport: story',
      'askStreamOfActions: story',
      'countTo: not-story',
      'numbers: not-story',
      'askLocal: story',
      'unannotated: not-story',
    ]);
    for (const [name, verdict, expected] of found) expect(`${name}: ${verdict}`).toBe(`${name}: ${expected}`);
  });
});

describe('acceptsStoryAsArgument', () => {
  const CALLS = dedent`
    import { AskResponse } from 'quidproquo-core';

    declare function askLoad(): AskResponse<number>;
    declare function sameEverywhere(value: any): string;
    declare function sameEverywhere(value: any, space: number): string;
    declare function takesEverywhere(story: AskResponse<number>): void;
    declare function takesEverywhere(story: AskResponse<number>, label: string): void;
    declare function differs(story: AskResponse<number>): void;
    declare function differs(text: string): void;

    export function* run() {
      sameEverywhere(askLoad());
      takesEverywhere(askLoad());
      differs(askLoad());
    }
  `;

  it('reads overloads that all say the same without resolving the call, and resolves the call where they differ', () => {
    const program = programOf({ '/p/calls.ts': CALLS });
    const sourceFile = program.getSourceFile('/p/calls.ts')!;
    const resolved: string[] = [];
    const watched = watchedChecker(program.getTypeChecker(), 'getResolvedSignature', (call) => resolved.push(call.getText()));
    const stories = getStoryRecognizer(ts, sourceFile, watched, program);
    const run = sourceFile.statements.filter(ts.isFunctionDeclaration).find((fn) => fn.name?.text === 'run')!;
    const calls = (run.body!.statements as ts.NodeArray<ts.ExpressionStatement>).map((s) => s.expression as ts.CallExpression);

    expect(calls.map((call) => `${call.expression.getText()}: ${stories.acceptsStoryAsArgument(call.arguments[0])}`)).toEqual([
      'sameEverywhere: any',
      'takesEverywhere: yes',
      // The checker picks the first overload, which takes a story.
      'differs: yes',
    ]);
    expect(resolved).toEqual(['differs(askLoad())']);
  });
});
