import { actionResult, DateNowActionProcessor, getQpqIsoDateTimeFromDate } from 'quidproquo-core';

export const getDateNowProcessor: DateNowActionProcessor = async () => actionResult(getQpqIsoDateTimeFromDate(new Date()));
