import { type AskResponse, askThrowError, ErrorTypeEnum } from '../core/index.js';
import type { HTTPEvent, HTTPEventResponse } from './HTTPEvent.js';

declare const atob: (data: string) => string;

/** A JSON response; `item` undefined gives no body (and is still a 200 unless told otherwise). */
export function toJsonEventResponse(item?: unknown, status = 200): HTTPEventResponse {
  return { status, body: JSON.stringify(item), headers: { 'content-type': 'application/json' }, isBase64Encoded: false };
}

export function toTextResponse(text: string, status = 200): HTTPEventResponse {
  return { status, body: text, headers: { 'content-type': 'text/plain' }, isBase64Encoded: false };
}

export function toHtmlResponse(html: string, status = 200): HTTPEventResponse {
  return { status, body: html, headers: { 'content-type': 'text/html' }, isBase64Encoded: false };
}

export function toRedirectResponse(location: string, status = 302): HTTPEventResponse {
  return { status, headers: { location }, isBase64Encoded: false };
}

export function toPermanentRedirectResponse(location: string): HTTPEventResponse {
  return toRedirectResponse(location, 301);
}

export function fromJsonEventRequest<T>(event: HTTPEvent): T {
  const text = event.isBase64Encoded && event.body ? atob(event.body) : event.body;
  return JSON.parse(text ?? 'null') as T;
}

/** The request body as JSON; a body that is not JSON fails the story with BadRequest. */
export function* askFromJsonEventRequest<T>(event: HTTPEvent): AskResponse<T> {
  let parsed: { ok: true; value: T } | { ok: false };
  try {
    parsed = { ok: true, value: fromJsonEventRequest<T>(event) };
  } catch {
    parsed = { ok: false };
  }
  if (!parsed.ok) return yield* askThrowError(ErrorTypeEnum.BadRequest, 'The request body is not valid JSON');
  return parsed.value;
}

export const qpqWebServerUtils = {
  toJsonEventResponse,
  toTextResponse,
  toHtmlResponse,
  toRedirectResponse,
  toPermanentRedirectResponse,
  fromJsonEventRequest,
  askFromJsonEventRequest,
};
