import { viewerRequestEventHandler } from 'quidproquo-actionprocessor-awslambda';

export const handler = viewerRequestEventHandler;
