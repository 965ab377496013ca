export * from './core';
export * as core from './core';
export * as webserver from './webserver';
export * as configAws from './config-aws';
