import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allContracts, runContract } from '../src';

const contract = allContracts.find((c) => c.meta.id === 'monomorphic-action-shape')!;

function ids(text: string, options?: Record<string, unknown>): string[] {
  const sourceFile = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
  return runContract(contract, { ts, sourceFile, checker: undefined }, options, (_, e) => {
    throw e;
  }).map((f) => `${f.messageId}@${sourceFile.getLineAndCharacterOfPosition(f.start).line + 1}`);
}

const EVERY_PART = [
  'function* story(action: any, flag: boolean) {',
  "  yield { type: 'T', payload: { a: 1, b: 2 } };",
  "  yield { type: 'T', payload: { a: 1 } };",
  "  yield flag ? { type: 'T' } : { type: 'T', payload: {} };",
  '  yield { ...action, returnErrors: true };',
  "  const built = { type: 'U', payload: { a: 1 } };",
  '  built.payload.extra = 2;',
  '}',
].join('\n');

describe('monomorphic-action-shape options', () => {
  it('reports every part by default', () => {
    // Line 4's second branch also has a payload without the keys of the first: its own finding.
    expect(ids(EVERY_PART)).toEqual(['missingKeys@3', 'runtimeShape@4', 'missingKeys@4', 'spread@5', 'mutation@7']);
  });

  it('switches off left-out keys, run-time shapes and mutation one by one', () => {
    expect(ids(EVERY_PART, { optionalKeys: false })).toEqual(['runtimeShape@4', 'spread@5', 'mutation@7']);
    // Without run-time shapes, each branch of the conditional is judged on its own.
    expect(ids(EVERY_PART, { runtimeShapes: false })).toEqual(['missingKeys@3', 'missingKeys@4', 'missingKeys@4', 'mutation@7']);
    expect(ids(EVERY_PART, { mutation: false })).toEqual(['missingKeys@3', 'runtimeShape@4', 'missingKeys@4', 'spread@5']);
  });

  it('reports getPayload branches that return different keys, by the requester they build', () => {
    const text = [
      'export const askLoad = createActionRequester<string>()({',
      "  actionType: 'T',",
      '  getPayload: (id?: string) => {',
      '    if (id) return { id, all: false };',
      '    return { all: true };',
      '  },',
      '});',
    ].join('\n');
    expect(ids(text)).toEqual(['runtimeShape@5']);
    expect(ids(text, { runtimeShapes: false })).toEqual(['missingKeys@5']);
  });

  it('leaves alone setting a key the action was built with, and plain objects', () => {
    const text = [
      'function* story() {',
      "  const action = { type: 'T', payload: { a: 1 } };",
      '  action.payload.a = 2;',
      '  const user = { name: "ada" };',
      '  delete user.name;',
      '  yield action;',
      '}',
    ].join('\n');
    expect(ids(text)).toEqual([]);
  });
});
