export * as configAws from './config-aws/index.js';
export * from './core/index.js';
export * as core from './core/index.js';
export * as webserver from './webserver/index.js';
