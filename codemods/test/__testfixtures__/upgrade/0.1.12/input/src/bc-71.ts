import { getDateActionProcessor, getGuidProcessor } from 'quidproquo-actionprocessor-js';

export const processors = [getDateActionProcessor, getGuidProcessor];
