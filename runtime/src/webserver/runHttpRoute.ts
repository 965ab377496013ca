import { type ActionHandlers, type AskResponse, ErrorTypeEnum, runStory } from '../core/index.js';
import type { HTTPEvent, HTTPEventResponse } from './HTTPEvent.js';

const STATUS_OF_ERROR: Record<string, number> = {
  [ErrorTypeEnum.BadRequest]: 400,
  [ErrorTypeEnum.Invalid]: 400,
  [ErrorTypeEnum.Unauthorized]: 401,
  [ErrorTypeEnum.PaymentRequired]: 402,
  [ErrorTypeEnum.Forbidden]: 403,
  [ErrorTypeEnum.NotFound]: 404,
  [ErrorTypeEnum.TimeOut]: 408,
  [ErrorTypeEnum.Conflict]: 409,
  [ErrorTypeEnum.Gone]: 410,
  [ErrorTypeEnum.UnsupportedMediaType]: 415,
  [ErrorTypeEnum.Locked]: 423,
  [ErrorTypeEnum.OutOfResources]: 429,
  [ErrorTypeEnum.GenericError]: 500,
  [ErrorTypeEnum.NotImplemented]: 501,
  [ErrorTypeEnum.ServiceUnavailable]: 503,
};

/**
 * Answers an HTTP request with a route story, as the web server adapter does: the story's
 * response as it is; a story that returns nothing answers 204 No Content; an error answers the
 * status of its type with the error as JSON (NoContent answers 204 without a body).
 */
export async function runHttpRoute(
  route: (event: HTTPEvent) => AskResponse<HTTPEventResponse | undefined | void>,
  event: HTTPEvent,
  handlers: ActionHandlers,
): Promise<HTTPEventResponse> {
  const outcome = await runStory(() => route(event), handlers);
  if (outcome.error) {
    if (outcome.error.errorType === ErrorTypeEnum.NoContent) return { status: 204, isBase64Encoded: false };
    return {
      status: STATUS_OF_ERROR[outcome.error.errorType] ?? 500,
      body: JSON.stringify({ errorType: outcome.error.errorType, errorText: outcome.error.errorText }),
      headers: { 'content-type': 'application/json' },
      isBase64Encoded: false,
    };
  }
  return outcome.result ?? { status: 204, isBase64Encoded: false };
}
