import * as tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter, Rule } from 'eslint';
import { allContracts } from 'qpq-contracts';
import { ruleFromContract } from './create-rule';

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
}

const plugin = { meta: { name, version }, rules, configs: {} } as QpqPlugin;

plugin.configs.recommended = {
  name: 'qpq/recommended',
  files: LINTED_FILES,
  languageOptions: { parser: tsParser },
  plugins: { qpq: plugin },
  rules: recommendedRules,
};

plugin.configs['recommended-type-checked'] = {
  name: 'qpq/recommended-type-checked',
  files: LINTED_FILES,
  languageOptions: { parser: tsParser, parserOptions: { projectService: true } },
  plugins: { qpq: plugin },
  rules: recommendedRules,
};

export = plugin;
