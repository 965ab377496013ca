import { askServiceRequest, authLogic, defineRoute, defineWebSocketQueue, websocketConnectionInfoContext, WebsocketConnectionInfo } from 'quidproquo-webserver';

export const queue = defineWebSocketQueue('events', 'ws', 'example.com');
export const route = defineRoute('POST', '/login', '/controllers/auth::login');
export const login = authLogic.askLogin;
export const ask = askServiceRequest;
export const context = websocketConnectionInfoContext;
export type Connection = WebsocketConnectionInfo;
