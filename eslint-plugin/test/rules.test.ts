import * as path from 'node:path';
import type { Contract, ContractExample, InvalidContractExample } from 'qpq-contracts';
import { allContracts } from 'qpq-contracts';
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';

import plugin from '../src/index';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const typedProject = path.join(__dirname, 'typed-project');

const untypedTester = new RuleTester();
const typedTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: typedProject } },
});

function validCase(example: ContractExample, typed: boolean) {
  return {
    code: example.code,
    options: example.options ? [example.options] : [],
    // Untyped examples run as `file.ts` too, unless they name their file.
    ...(typed
      ? { filename: path.join(typedProject, example.filename ?? 'file.ts') }
      : example.filename
        ? { filename: example.filename }
        : {}),
  };
}

function invalidCase(example: InvalidContractExample, typed: boolean) {
  return {
    ...validCase(example, typed),
    output: example.output ?? null,
    errors: example.findings.map((finding) => ({
      messageId: finding.messageId,
      line: finding.line,
      column: finding.column,
      ...(finding.suggestions
        ? { suggestions: finding.suggestions.map(({ description, output }) => ({ desc: description, output })) }
        : {}),
    })),
  };
}

// A contract's documented examples are its test cases: what the docs show is what the rule does.
for (const contract of allContracts as Contract[]) {
  const rule = plugin.rules[contract.meta.id] as any;
  const { valid, invalid } = contract.examples;

  describe(`${contract.meta.id} without type information`, () => {
    untypedTester.run(contract.meta.id, rule, {
      valid: valid.filter((e) => !e.typed).map((e) => validCase(e, false)),
      invalid: invalid.filter((e) => !e.typed).map((e) => invalidCase(e, false)),
    });
  });

  // Every example holds with type information too; typed-only ones hold only there.
  describe(`${contract.meta.id} with type information`, () => {
    typedTester.run(contract.meta.id, rule, {
      valid: valid.map((e) => validCase(e, true)),
      invalid: invalid.map((e) => invalidCase(e, true)),
    });
  });
}
