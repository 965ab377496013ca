// The project's own module re-exporting framework functions, one of them under another name.
export { defineQueue as makeQueue } from 'quidproquo-core';
export * from 'quidproquo-core';
