import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum NetworkActionType {
  Request = '@quidproquo-core/Network/Request',
}

export type HTTPMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface NetworkRequestOptions<TBody> {
  headers?: Record<string, string> | undefined;
  params?: Record<string, string> | undefined;
  body?: TBody | undefined;
  responseType?: 'json' | 'text' | 'binary' | undefined;
}

export interface NetworkResponse<TResponse> {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  data: TResponse;
}

export const askNetworkRequest = createActionRequester<NetworkResponse<any>>()({
  actionType: NetworkActionType.Request,
  errorTypes: ['Timeout', 'Unreachable'],
  getPayload: <TBody>(method: HTTPMethod, url: string, options?: NetworkRequestOptions<TBody>) => ({ method, url, options }),
});
