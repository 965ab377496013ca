import * as fs from 'node:fs';
import * as path from 'node:path';
import { Project, type SourceFile, ts } from 'ts-morph';

import { unifiedDiff } from './lib/diff';
import { applyEdits, OverlappingEdits } from './lib/edits';
import { reexportAliases } from './lib/expressions';
import { uncommittedChanges } from './lib/git';
import { firstParseError } from './lib/parse-errors';
import { formatWithProjectPrettier, loadProjectPrettier } from './lib/prettier';
import { messageOf, resolveScope, type Scope, UsageError } from './lib/project';
import { type Output, plural, Progress } from './lib/reporter';
import { findRuntimeSource, type RuntimeSource } from './lib/runtime-source';
import { QpqResolver } from './lib/symbols';
import { decodeText, encodeText, withEol, writeFileAtomic } from './lib/text-file';
import { typeCheckChanges, type TypeCheckResult } from './lib/typecheck';
import { compareVersions, frameworkVersion } from './lib/versions';
import { planUpgrade, type UpgradeOptions, type UpgradeStep } from './upgrade/plan';
import type { Note, NoteKind, ProjectContext, SourceContext, Transform } from './transform';

export interface RunRequest {
  /** `migrate`, or the transform's name. */
  command: string;
  transforms: readonly Transform[];
  migrate: boolean;
  paths: readonly string[];
  cwd: string;
  mode: RunMode;
  /** `--force`: write even when the git work tree has uncommitted changes. */
  allowUncommittedChanges: boolean;
  project: string | undefined;
  typecheck: boolean;
  /** `--from`: the framework release the project is on, when the run should not look it up. */
  from?: string;
  /** `upgrade`: the releases to cross and their migrations (planned from `upgradeOptions` when absent). */
  upgrade?: UpgradeRequest;
  upgradeOptions?: UpgradeOptions;
  transformOptions: Readonly<Record<string, string | undefined>>;
  /** The command line to suggest, with `extra` in place of the paths or added flags. */
  suggest(extra: string): string;
}

/**
 * What a run does with the changes: `write` them; `dry`: print a unified diff per file; `print`:
 * print the changed sources, the report going to stderr; `check`: print nothing of them and exit 1
 * when anything would change (for CI). Only `write` touches the disk.
 */
export type RunMode = 'write' | 'dry' | 'print' | 'check';

export interface UpgradeRequest {
  from: string;
  /** Where `from` came from: `--from`, or the dependency that told it. */
  fromSource: string;
  to: string;
  steps: UpgradeStep[];
  /** The project step after the releases (dependencies set to the target). */
  finish: Transform[];
  /** Said once before the report (packages that disagree). */
  warnings: string[];
}

interface FileState {
  path: string;
  inScope: boolean;
  bom: boolean;
  eol: '\n' | '\r\n';
  /** Text on disk when the run started (no BOM); null when the file did not exist. */
  original: string | null;
  /** Text now; null when the file is to be removed. */
  current: string | null;
  skipped?: string;
  failed?: string;
  /** The failure is that the file does not parse: its text can still be read. */
  parseError?: boolean;
  notes: Array<Note & { transform: string }>;
  morph?: SourceFile;
  /** The project's copy of the file is older than `current` (refreshed when a later transform needs it). */
  stale?: boolean;
}

interface TransformReport {
  name: string;
  /** The release an upgrade step belongs to. */
  release?: string;
  ran: boolean;
  reason?: string;
  /** What `migrate` assumed to run it. */
  assumption?: string;
  changed: Set<string>;
}

const isSource = (file: string) => /\.(?:[cm]?[jt]sx?)$/.test(file);

export async function run(request: RunRequest, out: Output, err: Output): Promise<number> {
  const scope = resolveScope(request.cwd, request.paths, request.project, (hint) => `type: ${request.suggest(hint)}`);
  if (request.upgradeOptions && !request.upgrade)
    request = { ...request, upgrade: planUpgrade(scope.root, request.upgradeOptions, request.suggest) };
  if (request.mode === 'write' && !request.allowUncommittedChanges) guardUncommittedChanges(request, scope, err);
  const runtime = findRuntimeSource();
  const session = new Run(request, scope, runtime, err);
  session.load();

  const reports = request.upgrade ? applyUpgrade(session, request.upgrade, scope, err) : applyTransforms(session, request, scope);
  await session.format();
  showOrWrite(session, request.mode, out);
  const typeCheck = request.mode === 'write' && request.typecheck ? typeCheckWritten(session, request, reports, scope, runtime) : undefined;

  (request.mode === 'print' ? err : out).write(
    request.upgrade ? session.upgradeSummary(reports, typeCheck) : session.summary(reports, typeCheck),
  );
  const failed = session.states().filter((s) => s.failed || s.notes.some((n) => n.kind === 'error')).length;
  const stale = request.mode === 'check' && session.changedFiles().length > 0;
  return failed > 0 || stale || (typeCheck?.newErrors.length ?? 0) > 0 ? 1 : 0;
}

/** A run that writes refuses a work tree with uncommitted changes (they could not be told from its own), and warns outside git. */
function guardUncommittedChanges(request: RunRequest, scope: Scope, err: Output): void {
  const dirty = uncommittedChanges(scope.gitPaths);
  if (dirty && dirty.length > 0) {
    const shown = dirty
      .slice(0, 5)
      .map((line) => `  ${line}`)
      .join('\n');
    throw new UsageError(
      `the git work tree has uncommitted changes (${plural(dirty.length, 'file')}):\n${shown}${dirty.length > 5 ? '\n  …' : ''}\n` +
        `Commit or stash them first so the codemod's changes can be reviewed and undone on their own, ` +
        `or preview with: ${request.suggest('--dry')}\nor run anyway with: ${request.suggest('--force')}`,
    );
  }
  if (dirty === undefined) {
    err.write(
      `qpq-codemod: warning: ${scope.root} is not in a git work tree, so nothing records what this run changes; preview first with: ${request.suggest('--dry')}\n`,
    );
  }
}

/** Every migration of the releases crossed, in order, then the finishing project step. */
function applyUpgrade(session: Run, upgrade: UpgradeRequest, scope: Scope, err: Output): TransformReport[] {
  const reports: TransformReport[] = [];
  for (const warning of upgrade.warnings) err.write(`qpq-codemod: warning: ${warning}\n`);
  // One progress line for the whole upgrade, not one per migration.
  const total = upgrade.steps.reduce((n, step) => n + step.transforms.length, 0);
  // Shown for a project large enough to take a while, like the progress of one transform.
  const progress = new Progress(err, 'upgrade', total, scope.sourceFiles.length > 40 ? 0 : total);
  let done = 0;
  for (const step of upgrade.steps) {
    for (const transform of step.transforms) {
      reports.push({ ...session.apply(transform), release: step.release });
      progress.tick(++done, `migrations (quidproquo ${step.release})`);
    }
  }
  progress.done();
  for (const transform of upgrade.finish) reports.push(session.apply(transform));
  return reports;
}

/** The transforms asked for; `migrate` leaves out a migration the project's framework release no longer needs, or may not need. */
function applyTransforms(session: Run, request: RunRequest, scope: Scope): TransformReport[] {
  const reports: TransformReport[] = [];
  let version: { version: string; source: string } | undefined | null =
    request.from !== undefined ? { version: request.from, source: '--from' } : null;
  for (const transform of request.transforms) {
    if (request.migrate && transform.sinceVersion) {
      if (version === null) version = frameworkVersion(scope.root);
      if (version && compareVersions(version.version, transform.sinceVersion) >= 0) {
        reports.push({
          name: transform.name,
          ran: false,
          reason: `the project is on quidproquo ${version.version} (${version.source}); the change came in ${transform.sinceVersion}`,
          changed: new Set(),
        });
        continue;
      }
      if (!version) {
        reports.push({
          name: transform.name,
          ran: false,
          reason:
            `the project's quidproquo version is unknown (no quidproquo dependency in package.json, the lockfile or node_modules), and this migration is only right for a project on a release before ${transform.sinceVersion}. ` +
            `If it is, say which release it is on: ${request.suggest(`--from <version>`)}`,
          changed: new Set(),
        });
        continue;
      }
    }
    reports.push(session.apply(transform));
  }
  return reports;
}

/** The changes as the mode asks: the sources printed, a diff per file, written, or (`check`) none of these. */
function showOrWrite(session: Run, mode: RunMode, out: Output): void {
  const changed = session.changedFiles();
  if (mode === 'print') {
    for (const state of changed) {
      if (state.current === null) continue;
      if (changed.length > 1) out.write(`==> ${session.relative(state.path)} <==\n`);
      out.write(state.current.endsWith('\n') ? state.current : `${state.current}\n`);
    }
  } else if (mode === 'dry') {
    for (const state of changed) out.write(unifiedDiff(session.relative(state.path), state.original, state.current));
  } else if (mode === 'write') {
    session.write(changed);
  }
}

/** Type-checks the written source files, before and after, except those a transform checks itself. */
function typeCheckWritten(
  session: Run,
  request: RunRequest,
  reports: readonly TransformReport[],
  scope: Scope,
  runtime: RuntimeSource | undefined,
): TypeCheckResult | undefined {
  const checkedByTransform = new Set(
    reports.filter((r) => request.transforms.find((t) => t.name === r.name)?.checksItsOwnFiles).flatMap((r) => [...r.changed]),
  );
  const written = session.changedFiles().filter((s) => !checkedByTransform.has(s.path));
  if (!written.some((s) => isSource(s.path))) return undefined;
  return typeCheckChanges({
    root: scope.root,
    tsconfigPath: scope.tsconfigPath,
    before: new Map(written.map((s) => [s.path, s.original])),
    after: new Map(written.map((s) => [s.path, s.current])),
    runtime,
  });
}

class Run {
  private readonly files = new Map<string, FileState>();
  private readonly project: Project;
  private readonly resolverDirs: Array<{ dir: string; pkg: string }>;

  constructor(
    private readonly request: RunRequest,
    private readonly scope: Scope,
    private readonly runtime: RuntimeSource | undefined,
    private readonly err: Output,
  ) {
    // The transforms ask the checker what names resolve to and what simple expressions are:
    // the default library is not needed for that, and leaving it out saves parsing it.
    this.project = new Project({
      compilerOptions: { ...scope.compilerOptions, allowJs: true, noEmit: true, noLib: true, types: [] },
      skipAddingFilesFromTsConfig: true,
      skipFileDependencyResolution: true,
    });
    this.resolverDirs = runtime
      ? [
          { dir: path.join(runtime.dir, 'core'), pkg: 'quidproquo-core' },
          { dir: path.join(runtime.dir, 'webserver'), pkg: 'quidproquo-webserver' },
          { dir: path.join(runtime.dir, 'config-aws'), pkg: 'quidproquo-config-aws' },
        ]
      : [];
  }

  relative(file: string): string {
    const relative = path.relative(this.request.cwd, file);
    return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
  }

  states(): FileState[] {
    return [...this.files.values()];
  }

  load(): void {
    for (const file of [...this.scope.sourceFiles, ...this.scope.jsonFiles]) this.state(file, true);
    for (const state of this.states()) {
      if (state.failed || state.current === null || !isSource(state.path)) continue;
      const morph = this.project.createSourceFile(state.path, state.current, { overwrite: true });
      state.morph = morph;
      const problem = firstParseError(morph.compilerNode);
      if (problem) {
        // Skipped, and the run fails: a file the codemod cannot read may hold what it should have changed.
        state.parseError = true;
        state.failed = `does not parse (${problem.line}:${problem.column} ${problem.message})`;
      }
    }
  }

  /** The state of a file, read from disk the first time. */
  private state(file: string, inScope = false): FileState {
    const resolved = path.resolve(file);
    const existing = this.files.get(resolved);
    if (existing) return existing;
    const state: FileState = { path: resolved, inScope, bom: false, eol: '\n', original: null, current: null, notes: [] };
    try {
      if (fs.existsSync(resolved)) {
        const decoded = decodeText(fs.readFileSync(resolved));
        Object.assign(state, { bom: decoded.bom, eol: decoded.eol, original: decoded.text, current: decoded.text });
      }
    } catch (error) {
      state.failed = `cannot be read: ${messageOf(error)}`;
    }
    this.files.set(resolved, state);
    return state;
  }

  apply(transform: Transform): TransformReport {
    const report: TransformReport = { name: transform.name, ran: true, changed: new Set() };
    if (transform.transformSource) this.applyToSources(transform, report);
    if (transform.transformProject) this.applyToProject(transform, report);
    return report;
  }

  private applyToSources(transform: Transform, report: TransformReport): void {
    const targets = new Set(transform.targets ?? []);
    const sources = this.states().filter((s) => s.morph && !s.skipped && !s.failed && s.current !== null);
    // Files a previous transform changed go back into the project before anything reads it.
    for (const state of sources) {
      if (!state.stale) continue;
      state.morph = this.project.createSourceFile(state.path, state.current!, { overwrite: true });
      state.stale = false;
    }
    const reexported = new Map<string, string>();
    if (targets.size > 0) {
      for (const state of sources) {
        if (!/\bexport\b/.test(state.current!) || ![...targets].some((t) => state.current!.includes(t))) continue;
        for (const [alias, original] of reexportAliases(state.morph!.compilerNode, targets)) reexported.set(alias, original);
      }
    }
    const words = [...targets, ...reexported.keys()];
    const candidates = sources.filter(
      (s) =>
        (words.length === 0 || words.some((w) => s.current!.includes(w))) && (!transform.mightChange || transform.mightChange(s.current!)),
    );

    let checker: ts.TypeChecker | undefined;
    const getChecker = () => (checker ??= this.project.getProgram().compilerObject.getTypeChecker());
    const resolver = new QpqResolver(getChecker, this.resolverDirs);
    const progress = new Progress(this.err, transform.name, this.request.upgrade ? 0 : candidates.length);
    const updates: Array<{ state: FileState; text: string; notes: FileState['notes'] }> = [];
    candidates.forEach((state, index) => {
      const sourceFile = state.morph!.compilerNode;
      const notes: FileState['notes'] = [];
      const context: SourceContext = {
        fileName: state.path,
        sourceFile,
        text: state.current!,
        checker: getChecker,
        resolver,
        reexported,
        note(kind: NoteKind, message: string, at?: ts.Node | number) {
          const position = at === undefined ? undefined : typeof at === 'number' ? at : at.getStart(sourceFile);
          const where = position === undefined ? undefined : sourceFile.getLineAndCharacterOfPosition(position);
          notes.push({ kind, message, transform: transform.name, line: where && where.line + 1, column: where && where.character + 1 });
        },
      };
      try {
        const edits = transform.transformSource!(context);
        const text = edits.length > 0 ? applyEdits(state.current!, edits, state.eol) : state.current!;
        updates.push({ state, text, notes });
      } catch (error) {
        state.failed = `${transform.name}: ${this.describeError(error)}`;
      }
      progress.tick(index + 1);
    });
    progress.done();
    for (const { state, text, notes } of updates) {
      state.notes.push(...notes);
      if (text === state.current) continue;
      state.current = text;
      state.stale = true;
      report.changed.add(state.path);
    }
  }

  private applyToProject(transform: Transform, report: TransformReport): void {
    let checker: ts.TypeChecker | undefined;
    const sourceStates = () => this.states().filter((s) => s.morph && s.inScope && !s.skipped && !s.failed && s.current !== null);
    const getChecker = () => {
      if (checker) return checker;
      for (const state of sourceStates()) this.refresh(state);
      return (checker = this.project.getProgram().compilerObject.getTypeChecker());
    };
    const context: ProjectContext = {
      cwd: this.request.cwd,
      root: this.scope.root,
      tsconfigPath: this.scope.tsconfigPath,
      compilerOptions: this.scope.compilerOptions,
      jsonFiles: this.scope.jsonFiles,
      sourcePaths: this.scope.sourceFiles,
      options: this.request.transformOptions,
      runtime: this.runtime,
      read: (file) => {
        const state = this.state(file);
        return state.failed && !state.parseError ? undefined : (state.current ?? undefined);
      },
      readOriginal: (file) => this.state(file).original ?? undefined,
      eolOf: (file) => this.state(file).eol,
      write: (file, text) => {
        const state = this.state(file);
        if (state.failed || state.skipped || state.current === text) return;
        state.current = text;
        if (state.morph) state.stale = true;
        report.changed.add(state.path);
      },
      remove: (file) => {
        const state = this.state(file);
        if (state.current === null) return;
        state.current = null;
        report.changed.add(state.path);
      },
      note: (file, kind, message, line, column) => {
        this.state(file).notes.push({ kind, message, line, column, transform: transform.name });
      },
      skip: (file, reason) => {
        this.state(file).skipped = reason;
      },
      parsedSources: () => {
        getChecker();
        return sourceStates().map((s) => s.morph!.compilerNode);
      },
      sourceChecker: getChecker,
      sourceResolver: new QpqResolver(getChecker, this.resolverDirs),
    };
    try {
      transform.transformProject!(context);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const target = this.scope.tsconfigPath ?? this.scope.root;
      this.state(target).failed = `${transform.name}: ${this.describeError(error)}`;
    }
  }

  private describeError(error: unknown): string {
    return error instanceof OverlappingEdits ? error.describe((file) => this.relative(file)) : messageOf(error);
  }

  /** Puts a file a previous transform changed back into the project. */
  private refresh(state: FileState): void {
    if (!state.stale || state.current === null) return;
    state.morph = this.project.createSourceFile(state.path, state.current, { overwrite: true });
    state.stale = false;
  }

  /** Formats changed files with the project's own prettier, when it has prettier and a config for them. */
  async format(): Promise<void> {
    const changed = this.changedFiles().filter((s) => s.current !== null);
    if (changed.length === 0) return;
    const prettier = loadProjectPrettier(this.scope.root, (message) => this.err.write(`qpq-codemod: warning: ${message}\n`));
    if (!prettier) return;
    const configFiles = new Map<string, Promise<string | null>>();
    for (const state of changed) {
      try {
        const formatted = await formatWithProjectPrettier(prettier, this.scope.root, state.path, state.current!, configFiles);
        if (formatted !== undefined) state.current = withEol(formatted, state.eol);
      } catch (error) {
        state.notes.push({
          kind: 'skip',
          message: `prettier could not format it (${messageOf(error)}); left as the codemod wrote it`,
          transform: 'prettier',
        });
      }
    }
  }

  changedFiles(): FileState[] {
    return this.states()
      .filter((s) => !s.failed && s.current !== s.original)
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  write(changed: FileState[]): void {
    for (const state of changed) {
      try {
        if (state.current === null) fs.rmSync(state.path, { force: true });
        else writeFileAtomic(state.path, encodeText(state.current, state.bom));
      } catch (error) {
        state.failed = `could not be written: ${messageOf(error)}`;
        state.current = state.original;
      }
    }
  }

  summary(reports: TransformReport[], typeCheck: TypeCheckResult | undefined): string {
    const lines: string[] = [];
    const states = this.states().sort((a, b) => a.path.localeCompare(b.path));
    for (const report of reports) {
      if (!report.ran) {
        lines.push(`${report.name}: not run: ${report.reason}`);
        continue;
      }
      const notes = states
        .flatMap((s) =>
          s.notes
            // A change that formatting undid (the file ends as it was) is no change.
            .filter((n) => n.transform === report.name && !(n.kind === 'change' && report.changed.has(s.path) && s.current === s.original))
            .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
            .map((n) => ({ ...n, file: s.path })),
        )
        // Errors first: the other notes may refer to them.
        .sort((a, b) => Number(b.kind === 'error') - Number(a.kind === 'error'));
      const changedCount = [...report.changed].filter(
        (f) => !this.files.get(f)?.failed && this.files.get(f)?.current !== this.files.get(f)?.original,
      ).length;
      const errorCount = notes.filter((n) => n.kind === 'error').length;
      const changes =
        changedCount > 0
          ? `${plural(changedCount, 'file')} ${this.request.mode === 'write' ? 'changed' : 'to change'}`
          : 'nothing to change';
      const head =
        errorCount > 0
          ? `${report.name}: ${plural(errorCount, 'error')}, ${changedCount > 0 ? changes : 'nothing changed'}`
          : `${report.name}: ${changes}`;
      lines.push(head);
      if (report.assumption) lines.push(`  (${report.assumption})`);
      for (const note of notes) {
        const where = `${this.relative(note.file)}${note.line ? `:${note.line}` : ''}`;
        if (note.kind === 'error') {
          lines.push(`  ${where}${note.line && note.column ? `:${note.column}` : ''}: ${note.message}`);
          continue;
        }
        const tag = note.kind === 'todo' ? 'TODO ' : note.kind === 'skip' ? 'left alone: ' : note.kind === 'info' ? 'note: ' : '';
        lines.push(`  ${where}  ${tag}${note.message}`);
      }
    }
    lines.push(...this.footer(typeCheck));
    return `${lines.join('\n')}\n`;
  }

  /**
   * The report of an upgrade: per release, each migration applied (with the files it changed),
   * with manual sites, failed, or with nothing to do; then every manual site as
   * `path:line:col  [release id] instruction`, and a count per release.
   */
  upgradeSummary(reports: TransformReport[], typeCheck: TypeCheckResult | undefined): string {
    const upgrade = this.request.upgrade!;
    const lines: string[] = [`Upgrade from quidproquo ${upgrade.from} (${upgrade.fromSource}) to ${upgrade.to}.`];
    const states = this.states().sort((a, b) => a.path.localeCompare(b.path));
    const pending = this.request.mode !== 'write';
    const manualSites: string[] = [];
    const counts: string[] = [];
    const notesOf = (name: string) =>
      states
        .flatMap((s) => s.notes.filter((n) => n.transform === name).map((n) => ({ ...n, file: s.path })))
        .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    const isChanged = (file: string) => !this.files.get(file)?.failed && this.files.get(file)?.current !== this.files.get(file)?.original;
    const describe = (report: TransformReport, release: string | undefined) => {
      const notes = notesOf(report.name);
      const changed = [...report.changed].filter(isChanged).sort();
      const failedFiles = states.filter((st) => st.failed?.startsWith(`${report.name}: `));
      const errors = notes.filter((n) => n.kind === 'error');
      const manual = notes.filter((n) => n.kind === 'manual');
      // A file changed only by TODO comments (`--insert-todos`) is a manual step, not an applied one.
      const applied = changed.length > 0 && (notes.some((n) => n.kind === 'change') || manual.length === 0);
      const status =
        failedFiles.length > 0 || errors.length > 0 ? 'failed' : applied ? 'applied' : manual.length > 0 ? 'manual' : 'nothing';
      const out: string[] = [];
      if (status !== 'nothing') {
        const parts: string[] = [];
        if (changed.length > 0) parts.push(`${plural(changed.length, 'file')} ${pending ? 'to change' : 'changed'}`);
        if (manual.length > 0) parts.push(`${plural(manual.length, 'manual site')}`);
        if (failedFiles.length + errors.length > 0) parts.push(`${plural(failedFiles.length + errors.length, 'failure')}`);
        const transform = [...upgrade.steps.flatMap((st) => st.transforms), ...upgrade.finish].find((t) => t.name === report.name);
        out.push(`  ${status.padEnd(7)} ${report.name}: ${parts.join(', ')}${transform ? ` (${transform.description})` : ''}`);
        for (const file of changed) out.push(`            ${this.relative(file)}`);
        for (const note of notes) {
          if (note.kind === 'change' || note.kind === 'manual') continue;
          const where = `${this.relative(note.file)}${note.line ? `:${note.line}` : ''}${note.kind === 'error' && note.column ? `:${note.column}` : ''}`;
          const tag = note.kind === 'todo' ? 'TODO ' : note.kind === 'skip' ? 'left alone: ' : note.kind === 'info' ? 'note: ' : '';
          out.push(`            ${where}${note.kind === 'error' ? ':' : ' '} ${tag}${note.message}`);
        }
        for (const st of failedFiles) out.push(`            ${this.relative(st.path)}: ${st.failed!.slice(report.name.length + 2)}`);
      }
      for (const note of manual)
        manualSites.push(
          `  ${this.relative(note.file)}:${note.line}:${note.column}  [${release ?? upgrade.to} ${report.name}] ${note.message}`,
        );
      return { status, out };
    };

    for (const step of upgrade.steps) {
      const tally = { applied: 0, manual: 0, nothing: 0, failed: 0 };
      const body: string[] = [];
      const idle: string[] = [];
      for (const report of reports.filter((r) => r.release === step.release)) {
        const { status, out } = describe(report, step.release);
        tally[status as keyof typeof tally]++;
        if (status === 'nothing') idle.push(report.name);
        body.push(...out);
      }
      lines.push('', `quidproquo ${step.release}`, ...body);
      if (idle.length > 0) lines.push(`  nothing to do: ${idle.join(', ')}`);
      counts.push(
        `${step.release}: ${tally.applied} applied, ${tally.manual} manual, ${tally.nothing} nothing to do, ${tally.failed} failed`,
      );
    }
    if (upgrade.steps.length === 0) lines.push('', `No migration lies between ${upgrade.from} and ${upgrade.to}.`);
    const finishing = reports.filter((r) => r.release === undefined);
    for (const report of finishing) {
      const { status, out } = describe(report, undefined);
      if (status !== 'nothing') lines.push('', ...out.map((line) => line.replace(/^ {2}/, '')));
    }
    if (manualSites.length > 0)
      lines.push('', `Manual steps (${manualSites.length}): the code is found, a person decides:`, ...manualSites);
    lines.push('', 'By release:', ...counts.map((c) => `  ${c}`));
    lines.push(...this.footer(typeCheck));
    return `${lines.join('\n')}\n`;
  }

  /** Prettier notes, the file counts, TODOs, the type check and what to run next. */
  private footer(typeCheck: TypeCheckResult | undefined): string[] {
    const lines: string[] = [];
    const states = this.states().sort((a, b) => a.path.localeCompare(b.path));
    const prettierNotes = states.flatMap((s) =>
      s.notes.filter((n) => n.transform === 'prettier').map((n) => `  ${this.relative(s.path)}  ${n.message}`),
    );
    lines.push(...prettierNotes);

    const scanned = states.filter((s) => s.inScope || s.current !== s.original);
    const changed = scanned.filter((s) => !s.failed && s.current !== s.original);
    const skipped = scanned.filter((s) => !s.failed && s.skipped && s.current === s.original);
    const failed = scanned.filter((s) => s.failed);
    const unchanged = scanned.length - changed.length - skipped.length - failed.length;
    const verb = this.request.mode === 'write' ? 'changed' : 'to change';
    lines.push('');
    lines.push(
      `${plural(scanned.length, 'file')} scanned: ${changed.length} ${verb}, ${unchanged} unchanged, ${skipped.length} skipped, ${failed.length} failed.`,
    );
    for (const s of skipped) lines.push(`  skipped ${this.relative(s.path)}: ${s.skipped}`);
    for (const s of failed) lines.push(`  failed ${this.relative(s.path)}: ${s.failed}`);
    const todos = states.reduce((n, s) => n + s.notes.filter((x) => x.kind === 'todo').length, 0);
    if (todos > 0)
      lines.push(`${plural(todos, 'TODO')} left in the code (marked TODO(qpq-codemod)): search for it and fill in the values.`);
    if (typeCheck) {
      if (typeCheck.newErrors.length === 0) {
        lines.push(`Type check of the ${plural(typeCheck.checked, 'changed file')} against ${typeCheck.against}: no new errors.`);
      } else {
        lines.push(
          `Type check of the ${plural(typeCheck.checked, 'changed file')} against ${typeCheck.against}: ${plural(typeCheck.newErrors.length, 'new error')}:`,
        );
        for (const e of typeCheck.newErrors) lines.push(`  ${this.relative(e.file)}:${e.line}:${e.column} error TS${e.code}: ${e.message}`);
      }
    }
    if (changed.length > 0) {
      if (this.request.mode === 'check')
        lines.push(
          `Check failed: ${plural(changed.length, 'file')} out of date; nothing was written. To update: ${this.request.suggest('')}`,
        );
      else if (this.request.mode === 'dry') lines.push(`Dry run: nothing was written. To apply: ${this.request.suggest('')}`);
      else if (this.request.mode === 'print') lines.push('Printed only: nothing was written.');
    }
    return lines;
  }
}
