import { askCatch, AskResponse, askConfigGetSecret, ConfigGetSecretActionProcessor, ConfigGetSecretErrorTypeEnum, KeyValueStoreUpsertActionRequester, KeyValueStoreUpsertActionPayload } from 'quidproquo-core';
import { ApiRequestActionRequester } from 'quidproquo-webserver';

export function* askApiKey(): AskResponse<string> {
  const result = yield* askCatch(askConfigGetSecret('api-key'));
  if (!result.success && result.error.errorType === ConfigGetSecretErrorTypeEnum.ResourceNotFound) return '';
  return result.success ? result.result : '';
}

export const fakeSecrets: ConfigGetSecretActionProcessor = async () => ({ success: true, result: 'secret' }) as never;
export type SaveTodo = KeyValueStoreUpsertActionRequester<{ id: string }>;
export type SavePayload = KeyValueStoreUpsertActionPayload<{ id: string }>;
export type FetchTodos = ApiRequestActionRequester<unknown, string[]>;
