import { VolatileChat } from 'quidproquo-web-admin';
import { LogChatMessage } from 'quidproquo-webserver';

export type Chat = VolatileChat;
export type Message = LogChatMessage;
