import { ApiActionType, ApiRequestOptions, askApiRequest } from 'quidproquo-webserver';

export const options: ApiRequestOptions<unknown> = {};
export const ask = () => askApiRequest('todos', 'GET', '/todos', options);
export const isApiRequest = (type: string) => type === ApiActionType.Request || type === '@quidproquo-webserver/Api/Request';
