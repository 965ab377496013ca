import { describe, expect, it } from 'vitest';

import { askNewGuid, AskResponse, askThrowError, ErrorTypeEnum } from '../src/core';
import { defineQueue, defineRecurringSchedule } from '../src/core';
import { HTTPEvent, HTTPEventResponse, runHttpRoute, toJsonEventResponse } from '../src/webserver';

const event: HTTPEvent = {
  path: '/todos',
  method: 'GET',
  query: {},
  headers: {},
  body: undefined,
  correlation: 'c-1',
  sourceIp: '127.0.0.1',
  isBase64Encoded: false,
};

describe('runHttpRoute', () => {
  it('passes a route story response through', async () => {
    function* route(): AskResponse<HTTPEventResponse> {
      const id = yield* askNewGuid();
      return toJsonEventResponse({ id }, 201);
    }
    expect(await runHttpRoute(route, event, { '@quidproquo-core/Guid/New': 'g-7' })).toEqual({
      status: 201,
      body: '{"id":"g-7"}',
      headers: { 'content-type': 'application/json' },
      isBase64Encoded: false,
    });
  });

  it('answers a story that returns nothing with 204 and no body', async () => {
    function* route(): AskResponse<void> {
      yield* askNewGuid();
    }
    expect(await runHttpRoute(route, event, { '@quidproquo-core/Guid/New': 'g' })).toEqual({ status: 204, isBase64Encoded: false });
  });

  it('maps error types to statuses, with the error as JSON', async () => {
    const failing = (errorType: string) =>
      function* route(): AskResponse<HTTPEventResponse> {
        return yield* askThrowError(errorType, 'nope');
      };
    expect(await runHttpRoute(failing(ErrorTypeEnum.NotFound), event, {})).toEqual({
      status: 404,
      body: '{"errorType":"NotFound","errorText":"nope"}',
      headers: { 'content-type': 'application/json' },
      isBase64Encoded: false,
    });
    expect((await runHttpRoute(failing(ErrorTypeEnum.GenericError), event, {})).status).toBe(500);
    expect(await runHttpRoute(failing(ErrorTypeEnum.NoContent), event, {})).toEqual({ status: 204, isBase64Encoded: false });
  });
});

describe('config settings', () => {
  it('reject a runtime string without ::, as the framework does when the config is built', () => {
    expect(() => defineRecurringSchedule('0 * * * *', '/jobs/cleanup')).toThrow(
      "runtime '/jobs/cleanup' must be '/path/to/module::exportName'",
    );
  });

  it('defineQueue defaults batchWindowInSeconds to 0 (it was 5 before 0.1.14)', () => {
    expect(defineQueue('jobs', { job: '/q::onJob' }).batchWindowInSeconds).toBe(0);
  });
});
