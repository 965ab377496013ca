import { preformNetworkRequest } from 'quidproquo-web';

export const ping = () => preformNetworkRequest<string>({ method: 'GET', url: 'https://example.com/ping' } as never);
