// The check comes first: without a TypeScript JS API nothing below can load, and it says so in one
// message. Sorting would move this side-effect import after the parser's, so the order is kept by hand.
/* eslint-disable qpq/import-order */
import './typescript-api';
import type { ESLint, Linter, Rule } from 'eslint';
import { allContracts, type PresetName, presetRules } from 'qpq-contracts';
import * as tsParser from '@typescript-eslint/parser';

import { ruleFromContract } from './create-rule';
import { replacePluginIn } from './shared-config';
import { typeAwareParser } from './type-aware-parser';

const { name, version } = require('../package.json') as { name: string; version: string };

/** Every file kind the typescript-eslint parser reads. */
const LINTED_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

const rules: Record<string, Rule.RuleModule> = Object.fromEntries(
  allContracts.map((contract) => [contract.meta.id, ruleFromContract(contract)]),
);

/** A preset's rules as ESLint settings: a severity, with the options it sets beside the defaults. */
function rulesOf(preset: PresetName): Linter.RulesRecord {
  return Object.fromEntries(
    [...presetRules(preset, allContracts)].map(([id, { severity, options }]) => [`qpq/${id}`, options ? [severity, options] : severity]),
  );
}

const recommendedRules = rulesOf('recommended');
const strictRules = rulesOf('strict');

interface QpqPlugin extends ESLint.Plugin {
  rules: Record<string, Rule.RuleModule>;
  configs: {
    recommended: Linter.Config;
    'recommended-type-checked': Linter.Config;
    strict: Linter.Config;
    'strict-type-checked': Linter.Config;
  };
  /**
   * A shared config array that registers another `qpq` plugin (the framework's
   * `quidproquo-eslint-config`), with this plugin in its place:
   * `export default qpq.replacePluginIn(sharedConfig)`.
   */
  replacePluginIn(sharedConfig: unknown, options?: { typeChecked?: boolean }): Linter.Config[];
}

const plugin = { meta: { name, version }, rules, configs: {} } as QpqPlugin;

// No parser options in the type-checked configs: the parser turns the project service on itself
// (see type-aware-parser), so options a project adds in its own config object survive in any order.
const typeCheckedParser = typeAwareParser(tsParser, { name: `${name}/type-aware-parser`, version });

function config(configName: keyof QpqPlugin['configs'], typeChecked: boolean, rules: Linter.RulesRecord): Linter.Config {
  return {
    name: `qpq/${configName}`,
    files: LINTED_FILES,
    languageOptions: { parser: typeChecked ? typeCheckedParser : tsParser },
    plugins: { qpq: plugin },
    rules,
  };
}

plugin.configs.recommended = config('recommended', false, recommendedRules);
plugin.configs['recommended-type-checked'] = config('recommended-type-checked', true, recommendedRules);
// Every rule at `error`, every option at its strictest (qpq-contracts' STRICTEST_OPTIONS says what that is).
plugin.configs.strict = config('strict', false, strictRules);
plugin.configs['strict-type-checked'] = config('strict-type-checked', true, strictRules);

plugin.replacePluginIn = (sharedConfig, options = {}) =>
  replacePluginIn(sharedConfig, plugin, options.typeChecked ? plugin.configs['recommended-type-checked'] : plugin.configs.recommended);

export = plugin;
