import { AskResponse, askUserDirectoryAuthenticateUser, AuthenticateUserResponse } from 'quidproquo-core';

export function* askMagicLinkLogin(email: string): AskResponse<AuthenticateUserResponse> {
  return yield* askUserDirectoryAuthenticateUser('users', false, email);
}
