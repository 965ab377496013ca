import { defineQueue } from 'quidproquo-core';

declare const second: any;
declare const third: any;

// Neither the syntax nor the types tell which signature this is: reported, not changed.
export default [defineQueue('unknown', second, third)];
