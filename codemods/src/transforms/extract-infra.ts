import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';

import { parseTag, qpqComments } from '../lib/extract-infra/annotations';
import { compare, generateModule, HEADER, type InfraAnnotation, type Place } from '../lib/extract-infra/generate';
import { jsDocHosts, judgeHost } from '../lib/extract-infra/stories';
import { firstParseError } from '../lib/parse-errors';
import { UsageError } from '../lib/project';
import { plural } from '../lib/reporter';
import { withEol } from '../lib/text-file';
import type { ProjectContext, SourceContext, Transform } from '../transform';

const DEFAULT_OUT = 'src/qpq.infra.ts';
const MIGHT_HAVE_TAG = /@qpq\b/;

/** What one source file holds: its valid annotations (config root not known yet) and its problems. */
interface FileFindings {
  annotations: Array<{
    kind: InfraAnnotation['kind'];
    value: InfraAnnotation['value'];
    exportName: string;
    offset: number;
    line: number;
    column: number;
  }>;
  problems: Array<{ offset: number; line: number; column: number; message: string }>;
}

// Source files are read in transformSource and the module is written in transformProject, which
// the runner calls right after, in the same synchronous step: the findings wait here in between.
let pending = new Map<string, FileFindings>();

export const extractInfra: Transform = {
  name: 'extract-infra',
  description:
    'Generates a qpq config module (`src/qpq.infra.ts`, `--out` to change) with a `defineRoute` / `defineQueue` / `defineRecurringSchedule` / `defineDeployEvent` setting for each `@qpq` JSDoc annotation on an exported story; a second run changes nothing, `--check` exits 1 when the module is out of date.',
  frameworkChange: 'none: infrastructure declared next to the story that serves it, the way pareto2 kept YAML fragments in code',
  migration: false,
  options: [
    {
      flag: '--out',
      value: 'file',
      example: DEFAULT_OUT,
      description: `the generated module, relative to the current directory (default: ${DEFAULT_OUT} in the project root); runtime references are relative to its folder`,
    },
    { flag: '--check', description: 'write nothing; exit 1 when the generated module is missing or out of date (for CI)' },
  ],

  mightChange: (text) => MIGHT_HAVE_TAG.test(text),

  transformSource(context) {
    if (!/\.d\.[cm]?ts$/.test(context.fileName)) pending.set(context.fileName, findingsOf(context));
    return [];
  },

  transformProject(context) {
    const found = pending;
    pending = new Map();
    generate(context, found);
  },
};

function findingsOf(context: SourceContext): FileFindings {
  const { sourceFile } = context;
  const position = (offset: number) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
    return { offset, line: line + 1, column: character + 1 };
  };
  const findings: FileFindings = { annotations: [], problems: [] };
  const comments = qpqComments(sourceFile);
  if (comments.length === 0) return findings;
  const hosts = jsDocHosts(sourceFile);
  for (const comment of comments) {
    const verdict = judgeHost(hosts.get(comment.pos), sourceFile, context.checker);
    for (const tag of comment.tags) {
      if (!verdict.story) {
        findings.problems.push({ ...position(tag.offset), message: verdict.message });
        continue;
      }
      const { parsed, problems } = parseTag(tag);
      for (const problem of problems) findings.problems.push({ ...position(problem.offset), message: problem.message });
      if (parsed) findings.annotations.push({ ...parsed, exportName: verdict.exportName, ...position(tag.offset) });
    }
  }
  return findings;
}

function generate(context: ProjectContext, found: Map<string, FileFindings>): void {
  const out = outFile(context);
  const configRoot = path.dirname(out);
  const shown = display(context.cwd, out);
  const problems: Array<{ file: string; line: number; column: number; message: string }> = [];

  // A file with annotations the runner could not give us (it does not parse) would drop its settings.
  for (const file of context.sourcePaths ?? []) {
    if (found.has(file) || /\.d\.[cm]?ts$/.test(file)) continue;
    const text = context.read(file);
    if (text === undefined || !MIGHT_HAVE_TAG.test(text)) continue;
    const parsed = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const problem = firstParseError(parsed);
    if (!problem && qpqComments(parsed).length === 0) continue;
    problems.push({
      file,
      line: problem?.line ?? 1,
      column: problem?.column ?? 1,
      message: 'the file could not be read (it does not parse), so its @qpq annotations are unknown',
    });
  }

  const annotations: InfraAnnotation[] = [];
  for (const [file, findings] of found) {
    for (const p of findings.problems) problems.push({ file, line: p.line, column: p.column, message: p.message });
    const modulePath = `/${path.relative(configRoot, file).split(path.sep).join('/')}`.replace(/\.[cm]?[jt]sx?$/, '');
    for (const a of findings.annotations) {
      const place: Place = { file: display(context.cwd, file), line: a.line, column: a.column };
      annotations.push({
        kind: a.kind,
        value: a.value,
        runtime: `${modulePath}::${a.exportName}`,
        place,
        sortPath: modulePath,
        offset: a.offset,
      });
    }
  }

  const generated = generateModule(annotations);
  for (const p of generated.problems) {
    const file = path.resolve(context.cwd, p.place.file);
    problems.push({ file, line: p.place.line, column: p.place.column, message: p.message });
  }
  if (problems.length > 0 || generated.text === undefined) {
    problems.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column);
    for (const p of problems) context.note(p.file, 'error', p.message, p.line, p.column);
    context.note(
      out,
      'skip',
      `not written because of the ${problems.length === 1 ? 'error' : 'errors'} above: fix ${problems.length === 1 ? 'it' : 'them'} and run it again`,
    );
    return;
  }

  const existing = context.read(out);
  if (existing === undefined && annotations.length === 0) {
    context.note(out, 'info', 'no @qpq annotations on stories: nothing to generate');
    return;
  }
  if (existing !== undefined && !existing.startsWith(HEADER.slice(0, HEADER.indexOf(':')))) {
    throw new UsageError(
      `${shown} exists and was not generated by extract-infra; to generate elsewhere, type: qpq-codemod extract-infra --out <file>`,
    );
  }
  const text = existing === undefined ? generated.text : withEol(generated.text, context.eolOf(out));
  context.write(out, text);
  if (text !== existing) {
    const counts = ['route', 'queue', 'schedule', 'deployEvent']
      .map((k) => [k, annotations.filter((a) => a.kind === k).length] as const)
      .filter(([, n]) => n > 0);
    context.note(
      out,
      'change',
      `generated from ${plural(annotations.length, 'annotation')} (${counts.map(([k, n]) => `${n} ${k}`).join(', ') || 'none'})`,
    );
  }
}

/** The generated module: `--out` from the working directory, or the default in the project root. */
function outFile(context: ProjectContext): string {
  const given = context.options.out;
  const file = given ? path.resolve(context.cwd, given) : path.join(context.root, DEFAULT_OUT);
  if (!/\.[cm]?ts$/.test(file) || /\.d\.[cm]?ts$/.test(file) || (fs.existsSync(file) && fs.statSync(file).isDirectory())) {
    throw new UsageError(`--out names the TypeScript module to generate; type: qpq-codemod extract-infra --out ${DEFAULT_OUT}`);
  }
  return file;
}

function display(cwd: string, file: string): string {
  const relative = path.relative(cwd, file).split(path.sep).join('/');
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
