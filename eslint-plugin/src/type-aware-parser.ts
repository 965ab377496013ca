import type { Linter } from 'eslint';

type Parser = { parseForESLint(code: string, options?: Record<string, unknown>): unknown };

/**
 * The typescript-eslint parser with type information by default, for `recommended-type-checked`.
 *
 * - The config sets no parser option: the parser asks for the project service itself unless the
 *   project names `project` or `projectService`, so parser options a project adds are kept in
 *   whatever order its config array lists them (ESLint merges parserOptions objects).
 * - A file no tsconfig includes (the ESLint config itself, scripts) is linted without type
 *   information instead of failing to parse: every qpq rule works without types. A project that
 *   sets the project service itself gets typescript-eslint's own behaviour and messages.
 */
export function typeAwareParser(parser: Parser, meta: { name: string; version: string }): Linter.Parser {
  return {
    meta,
    parseForESLint(code: string, options: Record<string, unknown> = {}) {
      const chosenByProject = options.project != null || options.projectService != null;
      if (chosenByProject) return parser.parseForESLint(code, options);
      try {
        return parser.parseForESLint(code, { ...options, projectService: true });
      } catch (error) {
        if (!isOutsideEveryProject(error)) throw error;
        return parser.parseForESLint(code, options);
      }
    },
  } as Linter.Parser;
}

function isOutsideEveryProject(error: unknown): boolean {
  return error instanceof Error && /was not found by the project service/.test(error.message);
}
