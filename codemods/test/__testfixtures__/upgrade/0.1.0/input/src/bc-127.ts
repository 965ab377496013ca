import { generateUUID, qpqWebServerUtils } from 'quidproquo-webserver';

export const first = generateUUID();
export const second = qpqWebServerUtils.generateUUID();
