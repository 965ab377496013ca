// npm run new-rule <rule-id> [-- --root DIR]
//
// Writes what a new rule needs, and nothing else has to change by hand:
//   contracts/src/contracts/<rule-id>.ts          the contract: metadata, examples, check()
//   fixtures/violations/<rule-id>/<rule-id>.ts     a violations fixture with its expected finding
//   contracts/src/contracts/index.ts               the registry line
// Its tsserver diagnostic code is the next one after every code ever released. Then:
// `npm run build && npm run docs` writes its page, and `npm test` runs its examples and fixture.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ options: { root: { type: 'string' } }, allowPositionals: true });
const root = values.root ? resolve(values.root) : join(import.meta.dirname, '..');
const id = positionals[0];

function fail(message) {
  console.error(`new-rule: ${message}`);
  process.exit(2);
}

if (!id || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) fail('give the rule id in kebab case: npm run new-rule my-rule-id');
const contractFile = join(root, 'contracts/src/contracts', `${id}.ts`);
const fixtureFile = join(root, 'fixtures/violations', id, `${id}.ts`);
const registryFile = join(root, 'contracts/src/contracts/index.ts');
if (existsSync(contractFile)) fail(`contracts/src/contracts/${id}.ts exists already`);

const exportName = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const code = nextDiagnosticCode();

write(contractFile, contractSource());
write(fixtureFile, fixtureSource());
writeFileSync(registryFile, registered(readFileSync(registryFile, 'utf8')));
console.log(`Wrote contracts/src/contracts/${id}.ts (diagnostic code ${code}), fixtures/violations/${id}/${id}.ts and the registry line.`);
console.log('Next: write the contract and its examples, then `npm run build && npm run docs`, and `npm test`.');

/** One past the highest code ever released or given to a rule. */
function nextDiagnosticCode() {
  const record = join(root, 'ts-plugin/diagnostic-codes.json');
  const released = existsSync(record) ? Object.values(JSON.parse(readFileSync(record, 'utf8'))) : [];
  const inContracts = [...readFileSync(registryFile, 'utf8').matchAll(/from '\.\/([a-z0-9-]+)'/g)]
    .map(([, file]) => /diagnosticCode: (\d+)/.exec(readFileSync(join(root, 'contracts/src/contracts', `${file}.ts`), 'utf8'))?.[1])
    .filter(Boolean)
    .map(Number);
  return Math.max(990000, ...released, ...inContracts) + 1;
}

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The registry with the new contract imported (in module order) and listed last, one per line. */
function registered(text) {
  const line = `import { ${exportName} } from './${id}';`;
  const contractImports = text.match(/^import \{ \w+ \} from '\.\/[a-z0-9-]+';$/gm) ?? [];
  const sorted = [...contractImports, line].sort((a, b) => moduleOf(a).localeCompare(moduleOf(b)));
  let withImport = text.replace(contractImports.join('\n'), sorted.join('\n'));
  if (!withImport.includes(line)) fail('cannot find the contract imports in contracts/src/contracts/index.ts');
  const list = /export const allContracts: readonly Contract\[\] = \[([^\]]*)\];/;
  if (!list.test(withImport)) fail('cannot find the allContracts list in contracts/src/contracts/index.ts');
  withImport = withImport.replace(list, (_, items) => {
    const names = [
      ...items
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
      exportName,
    ];
    return `export const allContracts: readonly Contract[] = [\n${names.map((name) => `  ${name},`).join('\n')}\n];`;
  });
  return withImport;
}

function moduleOf(importLine) {
  return /from '(.*)'/.exec(importLine)[1];
}

function contractSource() {
  return `import type * as ts from 'typescript';
import { defineContract } from '../define-contract';
import { dedent } from '../engine/dedent';

const messages = {
  noDebugStory: '\`{{name}}\` is a debugging story left in the code: remove it before it ships.',
};

/**
 * Replace this rule's behaviour: the scaffold reports calls of \`askDebug\` inside generators, so
 * that its examples and fixture pass from the start.
 */
export const ${exportName} = defineContract({
  meta: {
    id: '${id}',
    diagnosticCode: ${code},
    description: 'One line for the rules table.',
    rationale: 'The framework fact that makes this a contract, and what goes wrong without it.',
    type: 'problem',
    recommended: false,
    fixable: false,
    hasSuggestions: false,
    typeAware: false,
    behaviourWithoutTypes: 'Purely syntactic: type information is never used.',
    readsOtherFiles: 'never',
    messages,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  examples: {
    valid: [
      {
        note: 'What the rule accepts.',
        code: dedent\`
          function* story() {
            yield* askDateNow();
          }
        \`,
      },
    ],
    invalid: [
      {
        note: 'What the rule reports.',
        code: dedent\`
          function* story() {
            yield* askDebug('here');
          }
        \`,
        findings: [{ messageId: 'noDebugStory', line: 2, column: 10 }],
      },
    ],
  },

  check(context) {
    const tsm = context.ts;
    for (const { node } of context.index.callsInGenerators) {
      const callee: ts.Expression = tsm.isCallExpression(node) ? node.expression : node.tag;
      if (tsm.isIdentifier(callee) && callee.text === 'askDebug') context.report('noDebugStory', node, { name: callee.text });
    }
  },
});
`;
}

function fixtureSource() {
  return `// What qpq/${id} reports, in a small app of our own; each finding is declared on its line.
import { AskResponse } from 'quidproquo-core';

declare function askDebug(label: string): AskResponse<void>;

export function* askSaveTodo(): AskResponse<void> {
  yield* askDebug('saving'); // expect: qpq/${id}:10
}
`;
}
