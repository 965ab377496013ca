// The findings a documented example really produces, with their messages, so the pages print
// what a user will see. Typed examples compile against the reference runtime, as in the tests.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { runContract } = require('qpq-contracts');

const RUNTIME = join(dirname(fileURLToPath(import.meta.url)), '../../runtime/src');
const EXAMPLE_FILE = join(dirname(fileURLToPath(import.meta.url)), '../.examples/file.ts');

const OPTIONS = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  paths: Object.fromEntries(['core', 'webserver', 'config-aws'].map((p) => [`quidproquo-${p}`, [join(RUNTIME, p, 'index.ts')]])),
};

function typedTarget(code) {
  const host = ts.createCompilerHost(OPTIONS, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, version, ...rest) =>
    fileName === EXAMPLE_FILE ? ts.createSourceFile(fileName, code, version, true) : getSourceFile(fileName, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === EXAMPLE_FILE || fileExists(fileName);
  const program = ts.createProgram([EXAMPLE_FILE], OPTIONS, host);
  return { ts, sourceFile: program.getSourceFile(EXAMPLE_FILE), checker: program.getTypeChecker(), program };
}

/** `{ line, column, message }` of each finding, 1-based, in source order. */
export function exampleFindings(contract, example) {
  const target = example.typed
    ? typedTarget(example.code)
    : { ts, sourceFile: ts.createSourceFile(EXAMPLE_FILE, example.code, ts.ScriptTarget.Latest, true), checker: undefined };
  const findings = runContract(contract, target, example.options, (_, error) => {
    throw error;
  });
  return findings.map((finding) => {
    const { line, character } = target.sourceFile.getLineAndCharacterOfPosition(finding.start);
    return { line: line + 1, column: character + 1, message: finding.message };
  });
}
