import { storyLogger } from 'quidproquo-actionprocessor-awslambda';

export const logger = storyLogger;
