import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { allContracts, runContract } from '../src';
import { dedent } from '../src/engine/dedent';

const contract = allContracts.find((c) => c.meta.id === 'no-spread-define')!;

/** Each finding as `messageId line:column`, without types. */
function findings(text: string): string[] {
  const sourceFile = ts.createSourceFile('config.ts', text, ts.ScriptTarget.Latest, true);
  return runContract(contract, { ts, sourceFile, checker: undefined }, undefined, (_, e) => {
    throw e;
  }).map((f) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(f.start);
    return `${f.messageId} ${line + 1}:${character + 1}`;
  });
}

describe('no-spread-define finds the define* call however it is written', () => {
  it('through a namespace, in parentheses, or after a space', () => {
    const text = dedent`
      import * as qpq from 'quidproquo-webserver';

      export const byNamespace: QPQConfig = [...qpq.defineRoute('GET', '/a', '/routes/a::get')];
      export const inParentheses: QPQConfig = [...(defineTodoRoutes())];
      export const spaced: QPQConfig = [... defineTodoRoutes()];
    `;
    expect(findings(text)).toEqual(['spreadDefine 3:40', 'spreadDefine 4:42', 'spreadDefine 5:35']);
  });
});
