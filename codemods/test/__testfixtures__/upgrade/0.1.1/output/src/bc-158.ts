import { getExtractActionProcessor } from 'quidproquo-actionprocessor-awslambda';
import { askExtractExpense, AskResponse } from 'quidproquo-webserver';

export const processors = [getExtractActionProcessor];
export const askReceipt = (url: string) => askExtractExpense(url);
export type Done = AskResponse<void>;
