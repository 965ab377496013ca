import { askCatch, askFileReadTextContents, AskResponse, ErrorTypeEnum } from 'quidproquo-core';

export function* askReadme(): AskResponse<string> {
  const result = yield* askCatch(askFileReadTextContents('docs', 'README.md'));
  if (!result.success && result.error.errorType === ErrorTypeEnum.NotFound) return '';
  return result.success ? result.result : '';
}
