import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { getActionTypeModel } from '../src/engine/action-type';
import { programOf as inMemoryProgram } from './in-memory-program';

// An editor makes a new program after every keystroke, reusing the SourceFile of each file the
// edit did not touch. The framework's `Action` declarations are found by following its index
// module's exports: that answer is kept while no file that could re-route them changes.
const CORE_DIR = '/p/node_modules/quidproquo-core';
const CORE = {
  [`${CORE_DIR}/index.ts`]: "export * from './types';\n",
  [`${CORE_DIR}/types.ts`]: 'export interface Action<T = unknown> {\n  type: string;\n  payload?: T;\n}\n',
  [`${CORE_DIR}/other.ts`]: 'export interface Action {\n  type: string;\n  other: true;\n}\n',
};
// The framework as a package of the project: in-memory, not the reference runtime.
const programOf = (files: Record<string, string>, oldProgram?: ts.Program) => inMemoryProgram(files, false, oldProgram);
const STORY = "import { Action } from 'quidproquo-core';\n\nexport declare const action: Action;\n";

const modelOf = (program: ts.Program) => getActionTypeModel(ts, program.getTypeChecker(), program);

/** Where the model's one `Action` is declared, and whether the story's `action` is one. */
function judged(program: ts.Program): { declaredIn: string[]; storyAction: string } {
  const model = modelOf(program);
  const story = program.getSourceFile('/p/story.ts')!;
  const declaration = story.statements.find(ts.isVariableStatement)!.declarationList.declarations[0];
  return {
    declaredIn: [...model.actionSymbols].map((s) => s.declarations![0].getSourceFile().fileName),
    storyAction: model.isAction(program.getTypeChecker().getTypeAtLocation(declaration.name)),
  };
}

describe("the framework's Action declarations across program versions", () => {
  it('are the last answer after an edit that re-routes no export', () => {
    const before = programOf({ ...CORE, '/p/story.ts': STORY });
    const after = programOf({ ...CORE, '/p/story.ts': `${STORY}\nexport const edited = 1;\n` }, before);
    expect(after.getSourceFile(`${CORE_DIR}/types.ts`)).toBe(before.getSourceFile(`${CORE_DIR}/types.ts`));
    expect(judged(before)).toEqual({ declaredIn: [`${CORE_DIR}/types.ts`], storyAction: 'yes' });
    expect(modelOf(after).actionSymbols).toBe(modelOf(before).actionSymbols);
    expect(judged(after)).toEqual({ declaredIn: [`${CORE_DIR}/types.ts`], storyAction: 'yes' });
  });

  // Each starts from a program whose answer was kept through an edit, so that only the edit
  // under test can make it be found again.
  const keptThroughAnEdit = () => {
    const first = programOf({ ...CORE, '/p/story.ts': STORY });
    const edited = programOf({ ...CORE, '/p/story.ts': `${STORY}\nexport const edited = 1;\n` }, first);
    expect(modelOf(edited).actionSymbols).toBe(modelOf(first).actionSymbols);
    return edited;
  };

  it('are found again after an edit of a file that re-exports', () => {
    const before = keptThroughAnEdit();
    expect(judged(before).declaredIn).toEqual([`${CORE_DIR}/types.ts`]);
    const story = before.getSourceFile('/p/story.ts')!.text;
    const after = programOf({ ...CORE, [`${CORE_DIR}/index.ts`]: "export * from './other';\n", '/p/story.ts': story }, before);
    expect(judged(after)).toEqual({ declaredIn: [`${CORE_DIR}/other.ts`], storyAction: 'yes' });
  });

  it('are the last answer after an edit of a re-exporting file that leaves its exports as they were', () => {
    const before = keptThroughAnEdit();
    const story = before.getSourceFile('/p/story.ts')!.text;
    const after = programOf(
      { ...CORE, [`${CORE_DIR}/index.ts`]: "// The package's entry.\nexport * from './types';\n", '/p/story.ts': story },
      before,
    );
    expect(after.getSourceFile(`${CORE_DIR}/index.ts`)).not.toBe(before.getSourceFile(`${CORE_DIR}/index.ts`));
    expect(modelOf(after).actionSymbols).toBe(modelOf(before).actionSymbols);
  });

  it('are found again after the import a local re-export passes on changes', () => {
    // Both modules imported, in the same order, so that the program's files keep theirs.
    const local = (passed: 'types' | 'other') =>
      passed === 'types'
        ? "import { Action } from './types';\nimport { Action as Unused } from './other';\n\nexport { Action };\n"
        : "import { Action as Unused } from './types';\nimport { Action } from './other';\n\nexport { Action };\n";
    const first = programOf({ ...CORE, [`${CORE_DIR}/index.ts`]: local('types'), '/p/story.ts': STORY });
    expect(judged(first).declaredIn).toEqual([`${CORE_DIR}/types.ts`]);
    const after = programOf({ ...CORE, [`${CORE_DIR}/index.ts`]: local('other'), '/p/story.ts': STORY }, first);
    expect(after.getSourceFiles().map((f) => f.fileName)).toEqual(first.getSourceFiles().map((f) => f.fileName));
    expect(judged(after)).toEqual({ declaredIn: [`${CORE_DIR}/other.ts`], storyAction: 'yes' });
  });

  it('are found again after an edit that augments the module', () => {
    const before = keptThroughAnEdit();
    expect(judged(before)).toEqual({ declaredIn: [`${CORE_DIR}/types.ts`], storyAction: 'yes' });
    const augmented = `${STORY}\ndeclare module 'quidproquo-core' {\n  interface Action {\n    traceId?: string;\n  }\n}\n`;
    const after = programOf({ ...CORE, '/p/story.ts': augmented }, before);
    expect(modelOf(after).actionSymbols).not.toBe(modelOf(before).actionSymbols);
    expect(judged(after).storyAction).toBe('yes');
  });
});
