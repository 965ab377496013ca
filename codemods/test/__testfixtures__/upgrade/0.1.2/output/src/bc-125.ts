import { AuthenticationInfo, getQpqIsoDateTimeFromDate } from 'quidproquo-core';

export function toAuthenticationInfo(accessToken: string, expires: Date): AuthenticationInfo {
  return { accessToken, expirationDurationInSeconds: 3600, expiresAt: getQpqIsoDateTimeFromDate(expires) };
}
