import { logReportsResourceName } from 'quidproquo-webserver';

export const reports = logReportsResourceName;
