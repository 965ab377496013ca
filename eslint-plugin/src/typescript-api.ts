import { SUPPORTED_TYPESCRIPT, TYPESCRIPT_6_INSTALL, TYPESCRIPT_7_RECIPE, unsupportedTypeScript } from 'qpq-contracts';

// Imported first by the plugin's entry point: the rules, and the typescript-eslint parser the
// configs use, need the TypeScript JS API. Without it, loading the ESLint config stops here with
// one message that says what to install, instead of a stack trace from inside the parser.

function stop(message: string): never {
  const error = new Error(message);
  // ESLint prints a config error's stack; this one is the message alone.
  error.stack = message;
  throw error;
}

let typescript: unknown;
try {
  // Loaded here, inside a try, so a missing TypeScript is one message instead of a stack trace.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typescript = require('typescript');
} catch {
  stop(
    `eslint-plugin-qpq needs the "typescript" package (TypeScript ${SUPPORTED_TYPESCRIPT}) next to it: ${TYPESCRIPT_6_INSTALL} ` +
      `(a TypeScript 7 project: ${TYPESCRIPT_7_RECIPE})`,
  );
}
const problem = unsupportedTypeScript(typescript, 'eslint-plugin-qpq');
if (problem) stop(problem);
