import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { allContracts, runContract } from '../src';

const contract = allContracts.find((c) => c.meta.id === 'monomorphic-action-shape')!;

/** Each finding as `messageId@line:column`, 1-based. */
function found(text: string, options?: Record<string, unknown>): string[] {
  return foundIn('file.ts', text, options);
}

function foundIn(fileName: string, text: string, options?: Record<string, unknown>): string[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  return runContract(contract, { ts, sourceFile, checker: undefined }, options, (_, e) => {
    throw e;
  }).map((f) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(f.start);
    return `${f.messageId}@${line + 1}:${character + 1}`;
  });
}

const EVERY_PART = [
  'function* story(action: any, flag: boolean) {',
  "  yield { type: 'T', payload: { a: 1, b: 2 } };",
  "  yield { type: 'T', payload: { a: 1 } };",
  "  yield flag ? { type: 'T' } : { type: 'T', payload: {} };",
  '  yield { ...action, payload: undefined };',
  "  const built = { type: 'U', payload: { a: 1 } };",
  '  built.payload.extra = 2;',
  '  yield built;',
  '}',
].join('\n');

describe('monomorphic-action-shape options', () => {
  it('reports every part by default', () => {
    // Line 4's second branch (column 54) also has a payload without the keys of the first: its own finding.
    expect(found(EVERY_PART)).toEqual(['missingKeys@3:31', 'runtimeShape@4:9', 'missingKeys@4:54', 'spread@5:11', 'mutation@7:3']);
  });

  it('switches off left-out keys, run-time shapes and mutation one by one', () => {
    expect(found(EVERY_PART, { optionalKeys: false })).toEqual(['runtimeShape@4:9', 'spread@5:11', 'mutation@7:3']);
    // Without run-time shapes, each branch of the conditional is judged on its own.
    expect(found(EVERY_PART, { runtimeShapes: false })).toEqual([
      'missingKeys@3:31',
      'missingKeys@4:16',
      'missingKeys@4:54',
      'mutation@7:3',
    ]);
    expect(found(EVERY_PART, { mutation: false })).toEqual(['missingKeys@3:31', 'runtimeShape@4:9', 'missingKeys@4:54', 'spread@5:11']);
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
    expect(found(text)).toEqual(['runtimeShape@5:12']);
    expect(found(text, { runtimeShapes: false })).toEqual(['missingKeys@5:12']);
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
    expect(found(text)).toEqual([]);
  });
});

describe('monomorphic-action-shape judges only what the runtime receives', () => {
  it('takes an object literal for an action only when a story yields it, directly or through a variable', () => {
    const text = [
      'function* story(id: string) {',
      "  const message = { type: 'order', payload: { id } };",
      "  const other = { type: 'order', payload: {} };",
      "  sendToQueue({ type: 'order', payload: { id, at: 1 } });",
      "  const action = { type: 'T', payload: { id } };",
      '  yield action;',
      "  yield { type: 'T', payload: {} };",
      '}',
    ].join('\n');
    // Lines 2 to 4 build queue messages with action-like keys: never sent to the runtime.
    expect(found(text)).toEqual(['missingKeys@7:31']);
  });

  it('follows a payload built in a local variable first', () => {
    const text = [
      'function* story(id: string) {',
      "  yield { type: 'T', payload: { id, scope: 'all' } };",
      '  const payload = { id };',
      "  yield { type: 'T', payload };",
      '}',
    ].join('\n');
    expect(found(text)).toEqual(['missingKeys@3:19']);
  });

  it('accepts a relay that adds only the keys the runtime adds itself', () => {
    const text = [
      'function* relay(action: any, context: unknown, local: boolean) {',
      '  yield { ...action, returnErrors: true };',
      '  yield { ...action, context, localContext: context };',
      '  yield { ...action, retries: 1 };',
      "  const key = local ? 'localContext' : 'context';",
      '  yield { ...action, [key]: { ...action[key], user: 1 } };',
      "  const other = local ? 'context' : 'retries';",
      '  yield { ...action, [other]: 1 };',
      '}',
    ].join('\n');
    expect(found(text)).toEqual(['spread@4:11', 'spread@8:11']);
  });

  it('accepts the payload-less form chosen exactly when there is no payload', () => {
    const text = [
      'function* askAction(payload: any) {',
      "  return yield payload === undefined ? { type: 'T' } : { type: 'T', payload };",
      '}',
      'function* askOther(payload: any, flag: boolean) {',
      "  return yield flag ? { type: 'T' } : { type: 'T', payload };",
      '}',
      'function* askBackwards(payload: any) {',
      "  return yield payload !== undefined ? { type: 'T' } : { type: 'T', payload };",
      '}',
    ].join('\n');
    expect(found(text)).toEqual(['runtimeShape@5:16', 'runtimeShape@8:16']);
  });

  it('skips test files unless the testFiles option includes them', () => {
    const text = ['function* story() {', "  yield { type: 'T', payload: { a: 1 } };", "  yield { type: 'T', payload: {} };", '}'].join(
      '\n',
    );
    for (const name of ['story.test.ts', 'story.spec.tsx', 'src/__tests__/story.ts', 'src/testing/mocks.ts']) {
      expect(foundIn(name, text)).toEqual([]);
      expect(foundIn(name, text, { testFiles: true })).toEqual(['missingKeys@3:31']);
    }
    expect(foundIn('src/testingUtils.ts', text)).toEqual(['missingKeys@3:31']);
  });
});
