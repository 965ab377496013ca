// Why qpq/monomorphic-action-shape exists, measured: a million actions of one type through a
// runtime-style dispatch loop (look up the processor by `type`, hand it the payload), once with
// every action built in one shape and once with the mixed shapes the rule reports.
//
//   node bench/monomorphism.mjs [--actions 1000000] [--rounds 7]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { formatMs, formatRatio, median, printTable, ratio } from './lib/measure.mjs';

const { values } = parseArgs({ options: { actions: { type: 'string', default: '1000000' }, rounds: { type: 'string', default: '7' } } });
const COUNT = Number(values.actions);
const TYPE = '@quidproquo-core/KeyValueStore/Upsert';

// One shape: every key, in one order, `undefined` where absent.
function oneShape(i) {
  return { type: TYPE, payload: { keyValueStoreName: 'todos', item: i, options: undefined }, returnErrors: undefined };
}

// The shapes the rule reports, as they appear in real code.
function mixedShape(i) {
  switch (i % 5) {
    case 0:
      return { type: TYPE, payload: { keyValueStoreName: 'todos', item: i } }; // optional key left out
    case 1:
      return { payload: { item: i, keyValueStoreName: 'todos' }, type: TYPE }; // another key order
    case 2:
      return { ...{ type: TYPE, payload: { keyValueStoreName: 'todos', item: i } }, returnErrors: true }; // spread adds a key
    case 3: {
      const action = { type: TYPE, payload: { keyValueStoreName: 'todos', item: i } };
      action.payload.options = { ttl: 1 }; // key added after construction
      return action;
    }
    default:
      return i % 2 ? { type: TYPE } : { type: TYPE, payload: { keyValueStoreName: 'todos', item: i, options: undefined } }; // chosen at run time
  }
}

// The runtime's hot path: find the processor for the action's type and run it.
const processors = {
  [TYPE]: (payload, action) => (payload ? payload.item : 0) + (action.returnErrors ? 1 : 0) + (payload && payload.options ? 1 : 0),
};
function dispatchAll(actions) {
  let total = 0;
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i];
    total += processors[action.type](action.payload, action);
  }
  return total;
}

const build = (make) => Array.from({ length: COUNT }, (_, i) => make(i));
const mono = build(oneShape);
const mixed = build(mixedShape);
const timings = { mono: [], mixed: [] };
// Warm both paths, then alternate, so neither side gets a better JIT state or a quieter machine.
dispatchAll(mono);
dispatchAll(mixed);
let sink = 0;
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, actions] of [
    ['mono', mono],
    ['mixed', mixed],
  ]) {
    const started = performance.now();
    sink += dispatchAll(actions);
    timings[name].push(performance.now() - started);
  }
}
const mono50 = median(timings.mono);
const mixed50 = median(timings.mixed);
console.log(`${COUNT.toLocaleString('en')} actions of one type, ${values.rounds} rounds (median), Node ${process.version}\n`);
printTable(
  ['actions', 'median time', 'per action'],
  [
    ['one shape', formatMs(mono50), `${((mono50 * 1e6) / COUNT).toFixed(1)} ns`],
    ['mixed shapes', formatMs(mixed50), `${((mixed50 * 1e6) / COUNT).toFixed(1)} ns`],
  ],
);
console.log(`\nmixed / one shape: ${formatRatio(ratio(mixed50, mono50))}${sink === 0 ? '' : ''}`);
