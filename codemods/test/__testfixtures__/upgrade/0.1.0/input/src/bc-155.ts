import { getDateActionProcessor, getFileActionProcessor, getGuidProcessor } from 'quidproquo-actionprocessor-node';

export const processors = [getDateActionProcessor, getGuidProcessor, getFileActionProcessor];
