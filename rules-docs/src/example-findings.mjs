// The findings an invalid example documents, with the message text the rule really prints.
// Examples run as the rule tests run them (eslint-plugin/test/rules.test.ts): untyped ones as a
// plain `file.ts`, typed ones as `<filename or file.ts>` in the same typed project, compiled
// against the reference runtime. If the rule reports anything else, the page is not rendered.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { runContract } = require('qpq-contracts');

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TYPED_PROJECT = join(REPO_ROOT, 'eslint-plugin/test/typed-project');

let typedSetup;
/** The typed project's compiler options, and a host that parses each library file once. */
function typedProjectSetup() {
  if (typedSetup) return typedSetup;
  const configPath = join(TYPED_PROJECT, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, TYPED_PROJECT, undefined, configPath);
  const host = ts.createCompilerHost(options, true);
  const parse = host.getSourceFile.bind(host);
  const parsed = new Map();
  const examples = new Map();
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (examples.has(fileName)) return ts.createSourceFile(fileName, examples.get(fileName), languageVersion, true);
    if (!parsed.has(fileName)) parsed.set(fileName, parse(fileName, languageVersion, ...rest));
    return parsed.get(fileName);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => examples.has(fileName) || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => (examples.has(fileName) ? examples.get(fileName) : readFile(fileName));
  typedSetup = { options, host, examples };
  return typedSetup;
}

function typedTarget(example) {
  const { options, host, examples } = typedProjectSetup();
  const fileName = join(TYPED_PROJECT, example.filename ?? 'file.ts');
  examples.clear();
  examples.set(fileName, example.code);
  const program = ts.createProgram([fileName], options, host);
  return { ts, sourceFile: program.getSourceFile(fileName), checker: program.getTypeChecker(), program };
}

const key = (finding) => `${finding.line}:${finding.column} ${finding.messageId}`;
const byPosition = (a, b) => a.line - b.line || a.column - b.column || a.messageId.localeCompare(b.messageId);

function untypedTarget(example) {
  const sourceFile = ts.createSourceFile(join(REPO_ROOT, example.filename ?? 'file.ts'), example.code, ts.ScriptTarget.Latest, true);
  return { ts, sourceFile, checker: undefined };
}

/** The name the example's file has when the tests and the page run it. */
export const fileNameOf = (example) => example.filename ?? 'file.ts';

/**
 * Whether what the rule reports on an example changes when its file has another name: then the
 * page must say which name it used (a runtime reference naming the file itself, a test file).
 */
export function dependsOnFileName(contract, example) {
  const renamed = { ...example, filename: fileNameOf(example).replace(/[^/]+(?=\.[^./]+$)/, 'renamed-example') };
  return reportedFindings(contract, example).map(key).join('\n') !== reportedFindings(contract, renamed).map(key).join('\n');
}

/** What the rule reports on an example: `{ line, column, messageId, message }`, 1-based, in source order. */
export function reportedFindings(contract, example) {
  const target = example.typed ? typedTarget(example) : untypedTarget(example);
  const findings = runContract(contract, target, example.options, (_, error) => {
    throw error;
  });
  return findings
    .map((finding) => {
      const { line, character } = target.sourceFile.getLineAndCharacterOfPosition(finding.start);
      return { line: line + 1, column: character + 1, messageId: finding.messageId, message: finding.message };
    })
    .sort(byPosition);
}

/**
 * The example's documented findings (the ones its rule test asserts), each with the message the
 * rule prints there. Throws when the rule reports something else: the page would not be true.
 */
export function documentedFindings(contract, example, report = reportedFindings) {
  const reported = report(contract, example);
  const documented = [...example.findings].sort(byPosition);
  if (reported.map(key).join('\n') !== documented.map(key).join('\n')) {
    const list = (findings) => (findings.length > 0 ? findings.map(key).join(', ') : 'nothing');
    throw new Error(
      `qpq/${contract.meta.id}: an invalid example documents ${list(documented)} but the rule reports ${list(reported)}.\n` +
        'Fix the example or the rule (the rule tests in eslint-plugin/test/rules.test.ts fail the same way), then run npm run docs.\n' +
        `The example:\n${example.code}`,
    );
  }
  return documented.map((finding, i) => ({ ...finding, message: reported[i].message }));
}
