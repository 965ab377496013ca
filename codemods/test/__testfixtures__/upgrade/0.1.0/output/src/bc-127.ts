import { generateUuid } from 'quidproquo-core';
import { qpqWebServerUtils } from 'quidproquo-webserver';

export const first = generateUuid();
export const second = generateUuid();
