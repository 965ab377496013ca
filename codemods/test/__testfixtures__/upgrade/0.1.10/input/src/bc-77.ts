import { ApiActionType, askApiRequest, ApiRequestOptions } from 'quidproquo-web';

export const options: ApiRequestOptions<unknown> = {};
export const ask = () => askApiRequest('todos', 'GET', '/todos', options);
export const isApiRequest = (type: string) => type === ApiActionType.Request || type === '@quidproquo-web/Api/Request';
