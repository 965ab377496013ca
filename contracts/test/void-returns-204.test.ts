import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { allContracts, runContract } from '../src';
import { dedent } from '../src/engine/dedent';
import { untypedFindings } from './finding-text';
import { programOf } from './in-memory-program';

const contract = allContracts.find((c) => c.meta.id === 'void-returns-204')!;

/** Message ids reported for a route story with this body. */
function findingsForBody(body: string): string[] {
  const text = `function* route(event: HTTPEvent) {\n${body}\n}\n`;
  const sourceFile = ts.createSourceFile('route.ts', text, ts.ScriptTarget.Latest, true);
  return runContract(contract, { ts, sourceFile, checker: undefined }, undefined, (_, e) => {
    throw e;
  }).map((f) => `${f.messageId}:${f.data.how ?? ''}`);
}

const END = 'missingResponse:reaches the end without returning';

describe('void-returns-204 reads how a route story can end', () => {
  it.each([
    ['if/else that both return', 'if (a) return r; else return r;', []],
    ['if without else', 'if (a) return r;', [END]],
    ['switch with default, every clause returning', 'switch (a) { case 1: return r; default: return r; }', []],
    ['switch whose clause breaks', 'switch (a) { case 1: break; default: return r; }', [END]],
    ['switch without default', 'switch (a) { case 1: return r; }', [END]],
    ['try and catch both return', 'try { return r; } catch { return r; }', []],
    ['try returns, catch does not', 'try { return r; } catch { log(); }', [END]],
    ['finally that returns', 'try { log(); } finally { return r; }', []],
    ['endless loop', 'while (true) { yield* askPoll(); }', []],
    ['endless loop with break', 'for (;;) { if (a) break; }', [END]],
    ['break of an inner loop only', 'while (true) { for (const x of xs) { break; } }', []],
    ['labelled statement', 'outer: { break outer; }', [END]],
    ['throwing', "throw new Error('x');", []],
    ['ending the story with an error', "yield* askThrowError('NotFound', 'no');", []],
    ['a callback that returns nothing does not count', 'items.forEach(() => { return; });\nreturn r;', []],
  ])('%s', (_, body, expected) => {
    expect(findingsForBody(body)).toEqual(expected);
  });

  it('reports `return;` and `return undefined` once each, and the end when reachable', () => {
    // The end is reported at the function's name, so it comes first.
    expect(findingsForBody('if (a) return;\nif (b) return undefined;')).toEqual([
      END,
      'missingResponse:returns nothing',
      'missingResponse:returns undefined',
    ]);
  });
});

describe('void-returns-204 tells a route story by its declared result', () => {
  it('by the declarations where they show no `status`, and by the checker everywhere else', () => {
    const source = dedent`
      import { AskResponse } from 'quidproquo-core';

      interface HTTPEventResponse { status: number; isBase64Encoded: boolean; body?: string }
      interface Answer extends HTTPEventResponse {}
      type Alias = HTTPEventResponse;
      interface Status { code: number }
      type Plain = { ok: boolean };

      export function* extended(ready: boolean): AskResponse<Answer> { if (ready) return r; }
      export function* aliased(ready: boolean): AskResponse<Alias> { if (ready) return r; }
      export function* constrained<R extends HTTPEventResponse>(ready: boolean): AskResponse<R> { if (ready) return r; }
      export function* parenthesized(ready: boolean): AskResponse<(HTTPEventResponse)> { if (ready) return r; }
      export function* withNever(ready: boolean): AskResponse<Alias | never> { if (ready) return r; }
      export function* noStatus(ready: boolean): AskResponse<Status> { if (ready) return; }
      export function* literal(ready: boolean): AskResponse<Plain> { if (ready) return; }
      export function* anything<R>(ready: boolean): AskResponse<R> { if (ready) return; }
      export function* maybe(ready: boolean): AskResponse<Alias | undefined> { if (ready) return; }
      declare const r: never;
    `;
    const program = programOf({ '/p/routes.ts': source });
    const sourceFile = program.getSourceFile('/p/routes.ts')!;
    const findings = runContract(contract, { ts, sourceFile, checker: program.getTypeChecker(), program }, undefined, (_, e) => {
      throw e;
    });
    const story = (start: number) => ts.getTokenAtPosition(sourceFile, start).getText();

    expect(findings.map((f) => `${story(f.start)}: ${f.messageId}`)).toEqual([
      'extended: missingResponse',
      'aliased: missingResponse',
      'constrained: missingResponse',
      'parenthesized: missingResponse',
      'withNever: missingResponse',
    ]);
  });
});

describe('void-returns-204 judges responses made outside route stories', () => {
  // One file each: a file is read for helpers and responses only when it names one.
  it.each([
    ['toJsonEventResponse({ done: true }, 204)', 'noContentWithBody 3:29'],
    ["toTextResponse('done', 204)", 'noContentWithBody 3:29'],
    ["toHtmlResponse('<p>done</p>', 204)", 'noContentWithBody 3:29'],
    ['toJsonEventResponse(undefined)', 'okWithoutBody 3:29'],
    ["({ status: 204, body: 'done', isBase64Encoded: false })", 'noContentWithBody 3:30'],
  ])('%s in a plain function', (response, finding) => {
    const text = `import * as web from 'quidproquo-webserver';\n\nexport const answer = () => ${response};\n`;
    expect(untypedFindings(contract, text, 'responses.ts')).toEqual([finding]);
  });
});
