import { createActionRequester } from '../types/utils/createActionRequester.js';

export enum FileActionType {
  ReadTextContents = '@quidproquo-core/File/ReadTextContents',
  WriteTextContents = '@quidproquo-core/File/WriteTextContents',
}

export const askFileReadTextContents = createActionRequester<string>()({
  actionType: FileActionType.ReadTextContents,
  errorTypes: ['FileNotFound'],
  getPayload: (drive: string, filepath: string) => ({ drive, filepath }),
});

export const askFileWriteTextContents = createActionRequester<void>()({
  actionType: FileActionType.WriteTextContents,
  getPayload: (drive: string, filepath: string, data: string) => ({ drive, filepath, data }),
});
