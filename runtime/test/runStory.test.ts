import { describe, expect, it } from 'vitest';

import {
  actionResult,
  actionResultError,
  askCatch,
  askDateNow,
  askGetCurrentEpochMs,
  askKeyValueStoreGet,
  askKeyValueStoreUpsert,
  askNewGuid,
  AskResponse,
  askRunParallel,
  askThrowError,
  createActionRequester,
  createErrorEnumForAction,
  ErrorTypeEnum,
  runStory,
} from '../src/core';

const NOW = '@quidproquo-core/Date/Now';
const GUID = '@quidproquo-core/Guid/New';
const UPSERT = '@quidproquo-core/KeyValueStore/Upsert';
const GET = '@quidproquo-core/KeyValueStore/Get';

describe('runStory', () => {
  it('feeds each action result back and returns the story value, with the action history', async () => {
    function* story(): AskResponse<string> {
      const id = yield* askNewGuid();
      const now = yield* askDateNow();
      return `${id}@${now}`;
    }
    const outcome = await runStory(story, { [GUID]: 'g-1', [NOW]: () => '2026-01-01T00:00:00.000Z' });
    expect(outcome).toEqual({
      result: 'g-1@2026-01-01T00:00:00.000Z',
      history: [
        { action: { type: GUID, payload: undefined }, result: 'g-1' },
        { action: { type: NOW, payload: undefined }, result: '2026-01-01T00:00:00.000Z' },
      ],
    });
  });

  it('ends the story on an action error: later actions are not processed, and neither catch nor finally runs', async () => {
    const reached: string[] = [];
    function* story(): AskResponse<string> {
      try {
        yield* askKeyValueStoreGet('todos', 'missing');
        reached.push('after the failed action');
      } catch {
        reached.push('catch');
      } finally {
        reached.push('finally');
      }
      yield* askKeyValueStoreUpsert('todos', {});
      return 'done';
    }
    const upserts: unknown[] = [];
    const outcome = await runStory(story(), {
      [GET]: () => actionResultError(ErrorTypeEnum.NotFound, 'no such todo'),
      [UPSERT]: (payload: unknown) => upserts.push(payload),
    });
    expect(outcome.error).toEqual({ errorType: 'NotFound', errorText: 'no such todo' });
    expect(outcome.result).toBeUndefined();
    expect(reached).toEqual([]);
    expect(upserts).toEqual([]);
  });

  it('gives askCatch the error as a value, and the story goes on', async () => {
    function* story(): AskResponse<string> {
      const got = yield* askCatch(askKeyValueStoreGet('todos', 'missing'));
      if (got.success) return 'found';
      yield* askKeyValueStoreUpsert('errors', got.error.errorType);
      return `caught ${got.error.errorText}`;
    }
    const outcome = await runStory(story, {
      [GET]: () => {
        throw new Error('disk on fire');
      },
      [UPSERT]: () => actionResult(undefined),
    });
    expect(outcome.result).toBe('caught disk on fire');
    expect(outcome.history.map((h) => h.action)).toEqual([
      { type: GET, payload: { keyValueStoreName: 'todos', key: 'missing' }, returnErrors: true },
      { type: UPSERT, payload: { keyValueStoreName: 'errors', item: 'GenericError' } },
    ]);
  });

  it('askCatch returns success with the result when nothing fails', async () => {
    const outcome = await runStory(() => askCatch(askDateNow()), { [NOW]: 'now' });
    expect(outcome.result).toEqual({ success: true, result: 'now' });
  });

  it('turns a JS exception in the story into a GenericError result', async () => {
    function* story(): AskResponse<number> {
      yield* askDateNow();
      throw new TypeError('bad code');
    }
    const outcome = await runStory(story, { [NOW]: 'now' });
    expect(outcome.error).toMatchObject({ errorType: 'GenericError', errorText: 'bad code' });
  });

  it('fails clearly on an action nobody answers', async () => {
    const outcome = await runStory(askNewGuid, {});
    expect(outcome.error).toEqual({
      errorType: 'NotImplemented',
      errorText: "No processor or mock for action type '@quidproquo-core/Guid/New'",
    });
  });

  it('fails clearly when a story yields another story instead of delegating to it', async () => {
    function* story(): AskResponse<void> {
      yield askNewGuid() as never;
    }
    const outcome = await runStory(story, { [GUID]: 'g' });
    expect(outcome.error).toEqual({
      errorType: 'GenericError',
      errorText: 'the story yielded a generator object, which is not an action (a story must be delegated with yield*)',
    });
  });

  it('never runs a story call that is not delegated', async () => {
    const upserts: unknown[] = [];
    function* story(): AskResponse<string> {
      askKeyValueStoreUpsert('todos', { id: 1 });
      return 'returned';
    }
    const outcome = await runStory(story, { [UPSERT]: (payload: unknown) => upserts.push(payload) });
    expect(outcome.result).toBe('returned');
    expect(upserts).toEqual([]);
  });

  it('askThrowError ends the story with that error, without a processor', async () => {
    const outcome = await runStory(() => askThrowError(ErrorTypeEnum.Forbidden, 'not yours'), {});
    expect(outcome.error).toEqual({ errorType: 'Forbidden', errorText: 'not yours' });
  });

  it('askRunParallel returns every result in order', async () => {
    let guid = 0;
    const outcome = await runStory(() => askRunParallel([askNewGuid(), askDateNow(), askNewGuid()]), {
      [GUID]: () => `g${++guid}`,
      [NOW]: 'now',
    });
    expect(outcome.result).toEqual(['g1', 'now', 'g2']);
  });

  it('askGetCurrentEpochMs reads the recorded date', async () => {
    const outcome = await runStory(askGetCurrentEpochMs, { [NOW]: '1970-01-01T00:00:01.500Z' });
    expect(outcome.result).toBe(1500);
  });
});

describe('createActionRequester', () => {
  const askSendEmail = createActionRequester<boolean>()({
    actionType: '@app/Email/Send',
    errorTypes: ['Bounced', 'Blocked'],
    getPayload: (to: string, subject?: string) => ({ to, subject }),
  });

  it('builds a requester that yields one complete action and returns its result', async () => {
    const generator = askSendEmail('ada@example.com');
    expect(generator.next()).toEqual({
      done: false,
      value: { type: '@app/Email/Send', payload: { to: 'ada@example.com', subject: undefined } },
    });
    expect(generator.next(true)).toEqual({ done: true, value: true });
  });

  it('carries its action type, payload builder and error names', () => {
    expect(askSendEmail.actionType).toBe('@app/Email/Send');
    expect(askSendEmail.getPayload('b@example.com', 'hi')).toEqual({ to: 'b@example.com', subject: 'hi' });
    expect(askSendEmail.errorType).toEqual({ Bounced: 'Bounced', Blocked: 'Blocked' });
  });

  it('legacy createErrorEnumForAction maps each name to itself', () => {
    expect(createErrorEnumForAction('@app/Email/Send', ['Bounced'])).toEqual({ Bounced: 'Bounced' });
  });
});
