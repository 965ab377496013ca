import { QpqLogger, StoryResult } from 'quidproquo-core';

export async function record(logger: QpqLogger, result: StoryResult<unknown>): Promise<void> {
  await logger.log(result);
  await logger.waitToFinishWriting();
}
