import { unsafeDecodeJWTPayload as readToken, unsafeDecodeJWTPayload } from 'quidproquo-webserver';

interface Claims {
  sub: string;
}

export const claims = unsafeDecodeJWTPayload<Claims>('header.payload.signature');
export const again = readToken<Claims>('header.payload.signature');
