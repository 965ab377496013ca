import { ActionOf, askCatch, askKeyValueStoreUpsertBase, AskResponse, askConfigGetSecret, HTTPNetworkResponse, ProcessorFor } from 'quidproquo-core';

export function* askApiKey(): AskResponse<string> {
  const result = yield* askCatch(askConfigGetSecret('api-key'));
  if (!result.success && result.error.errorType === askConfigGetSecret.errorType.ResourceNotFound) return '';
  return result.success ? result.result : '';
}

export const fakeSecrets: ProcessorFor<typeof askConfigGetSecret> = async () => ({ success: true, result: 'secret' }) as never;
export type SaveTodo = AskResponse<void>;
export type SavePayload = ActionOf<typeof askKeyValueStoreUpsertBase>['payload'];
export type FetchTodos = AskResponse<HTTPNetworkResponse<string[]>>;
