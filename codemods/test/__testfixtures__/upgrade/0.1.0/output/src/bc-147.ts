import { exchangeOauth2TokenForAccessToken } from 'quidproquo-web';

export const exchange = (code: string) => exchangeOauth2TokenForAccessToken(code, 'auth.example.com');
