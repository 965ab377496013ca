import { askFileExists, AskResponse } from 'quidproquo-core';

export function* askHasAvatar(userId: string): AskResponse<boolean> {
  return yield* askFileExists('avatars', `${userId}.png`);
}
