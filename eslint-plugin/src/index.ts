// First: without a TypeScript JS API nothing below can load; this says so in one message.
import './typescript-api';
import * as tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter, Rule } from 'eslint';
import { allContracts } from 'qpq-contracts';
import { ruleFromContract } from './create-rule';
import { replacePluginIn } from './shared-config';
import { typeAwareParser } from './type-aware-parser';

const { name, version } = require('../package.json') as { name: string; version: string };

/** Every file kind the typescript-eslint parser reads. */
const LINTED_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

const rules: Record<string, Rule.RuleModule> = Object.fromEntries(
  allContracts.map((contract) => [contract.meta.id, ruleFromContract(contract)]),
);

const recommendedRules: Linter.RulesRecord = Object.fromEntries(
  allContracts
    .filter((contract) => contract.meta.recommended !== false)
    .map((contract) => [`qpq/${contract.meta.id}`, contract.meta.recommended as Linter.RuleSeverity]),
);

interface QpqPlugin extends ESLint.Plugin {
  rules: Record<string, Rule.RuleModule>;
  configs: { recommended: Linter.Config; 'recommended-type-checked': Linter.Config };
  /**
   * A shared config array that registers another `qpq` plugin (the framework's
   * `quidproquo-eslint-config`), with this plugin in its place:
   * `export default qpq.replacePluginIn(sharedConfig)`.
   */
  replacePluginIn(sharedConfig: unknown, options?: { typeChecked?: boolean }): Linter.Config[];
}

const plugin = { meta: { name, version }, rules, configs: {} } as QpqPlugin;

plugin.configs.recommended = {
  name: 'qpq/recommended',
  files: LINTED_FILES,
  languageOptions: { parser: tsParser },
  plugins: { qpq: plugin },
  rules: recommendedRules,
};

// No parser options here: the parser turns the project service on itself (see type-aware-parser),
// so options a project adds in its own config object survive in any order.
plugin.configs['recommended-type-checked'] = {
  name: 'qpq/recommended-type-checked',
  files: LINTED_FILES,
  languageOptions: { parser: typeAwareParser(tsParser, { name: `${name}/type-aware-parser`, version }) },
  plugins: { qpq: plugin },
  rules: recommendedRules,
};

plugin.replacePluginIn = (sharedConfig, options = {}) =>
  replacePluginIn(sharedConfig, plugin, options.typeChecked ? plugin.configs['recommended-type-checked'] : plugin.configs.recommended);

export = plugin;
