import { decodeJWT, decodeJWT as readToken } from 'quidproquo-webserver';

interface Claims {
  sub: string;
}

export const claims = decodeJWT<Claims>('header.payload.signature');
export const again = readToken<Claims>('header.payload.signature');
