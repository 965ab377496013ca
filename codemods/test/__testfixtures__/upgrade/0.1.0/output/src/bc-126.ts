import { preformNetworkRequest } from 'quidproquo-webserver';

export const ping = () => preformNetworkRequest<string>({ method: 'GET', url: 'https://example.com/ping' } as never);
