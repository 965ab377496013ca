import { getDateActionProcessor, getGuidProcessor } from 'quidproquo-actionprocessor-js';
import { getFileActionProcessor } from 'quidproquo-actionprocessor-node';

export const processors = [getDateActionProcessor, getGuidProcessor, getFileActionProcessor];
