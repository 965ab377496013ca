import { getDateActionProcessor, getGuidActionProcessor } from 'quidproquo-actionprocessor-js';

export const processors = [getDateActionProcessor, getGuidActionProcessor];
