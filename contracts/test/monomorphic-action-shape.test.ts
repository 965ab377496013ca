import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { allContracts, runContract } from '../src';

const contract = allContracts.find((c) => c.meta.id === 'monomorphic-action-shape')!;

function ids(text: string, options?: Record<string, unknown>): string[] {
  return idsIn('file.ts', text, options);
}

function idsIn(fileName: string, text: string, options?: Record<string, unknown>): string[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  return runContract(contract, { ts, sourceFile, checker: undefined }, options, (_, e) => {
    throw e;
  }).map((f) => `${f.messageId}@${sourceFile.getLineAndCharacterOfPosition(f.start).line + 1}`);
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
    expect(ids(text)).toEqual(['missingKeys@7']);
  });

  it('follows a payload built in a local variable first', () => {
    const text = [
      'function* story(id: string) {',
      "  yield { type: 'T', payload: { id, scope: 'all' } };",
      '  const payload = { id };',
      "  yield { type: 'T', payload };",
      '}',
    ].join('\n');
    expect(ids(text)).toEqual(['missingKeys@3']);
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
    expect(ids(text)).toEqual(['spread@4', 'spread@8']);
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
    expect(ids(text)).toEqual(['runtimeShape@5', 'runtimeShape@8']);
  });

  it('skips test files unless the testFiles option includes them', () => {
    const text = ['function* story() {', "  yield { type: 'T', payload: { a: 1 } };", "  yield { type: 'T', payload: {} };", '}'].join(
      '\n',
    );
    for (const name of ['story.test.ts', 'story.spec.tsx', 'src/__tests__/story.ts', 'src/testing/mocks.ts']) {
      expect(idsIn(name, text)).toEqual([]);
      expect(idsIn(name, text, { testFiles: true })).toEqual(['missingKeys@3']);
    }
    expect(idsIn('src/testingUtils.ts', text)).toEqual(['missingKeys@3']);
  });
});
