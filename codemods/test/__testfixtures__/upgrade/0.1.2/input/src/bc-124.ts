import { actionResult, DateNowActionProcessor } from 'quidproquo-core';

export const getDateNowProcessor: DateNowActionProcessor = async () => actionResult(new Date().toISOString());
