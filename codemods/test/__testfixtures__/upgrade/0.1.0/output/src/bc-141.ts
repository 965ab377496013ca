import { resolveFilePath } from 'quidproquo-actionprocessor-node';

export const avatarPath = (config: never) => resolveFilePath(config, 'todo', 'avatars', 'me.png');
