import * as fs from 'node:fs';
import * as path from 'node:path';
import { frameworkPackageOf, NEXT, type ScriptEntry } from 'qpq-contracts';
import { ts } from 'ts-morph';

import { applyEdits, type Edit } from '../lib/edits';
import { readIfExists } from '../lib/installed';
import { addProperties, getProperty, objectValue, parseJson, propertyName, replaceString } from '../lib/json';
import { messageOf } from '../lib/project';
import type { ProjectContext, Transform } from '../transform';
import { entryTransformName } from './entry-transform';

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** A change to package.json scripts (a CLI flag or command the release renamed). */
export function scriptsTransform(entry: ScriptEntry, part: number): Transform {
  return {
    name: entryTransformName(entry, part),
    description: entry.title,
    frameworkChange: `quidproquo ${entry.release}`,
    migration: false,
    release: entry.release,
    transformProject(context) {
      for (const file of packageJsonFiles(context)) {
        const text = context.read(file);
        if (text === undefined) continue;
        const document = parseJson(file, text);
        const scripts = document.root && objectValue(getProperty(document.root, 'scripts'));
        if (!scripts) continue;
        const edits: Edit[] = [];
        for (const property of scripts.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isStringLiteral(property.initializer)) continue;
          let value = property.initializer.text;
          for (const change of entry.replace) value = value.replace(new RegExp(change.from, 'g'), change.to);
          if (value === property.initializer.text) continue;
          edits.push(replaceString(document.sourceFile, property.initializer, value));
          const line = document.sourceFile.getLineAndCharacterOfPosition(property.getStart(document.sourceFile)).line + 1;
          context.note(file, 'change', `script "${propertyName(property)}": ${entry.title}`, line);
          if (entry.instruction) context.note(file, 'info', entry.instruction, line);
        }
        if (edits.length > 0) context.write(file, applyEdits(text, edits, context.eolOf(file), file));
      }
    },
  };
}

/**
 * The last step of an upgrade: every framework dependency set to the target release (keeping a
 * `^` or `~`), and the framework packages the migrated code now imports added where no package.json
 * up to the workspace root declares them. `file:` / `link:` / `workspace:` specs are left alone.
 */
export function dependenciesTransform(to: string): Transform {
  return {
    name: 'dependencies',
    description: `Sets the quidproquo dependencies to ${to} and adds the packages the migrated code imports.`,
    frameworkChange: `quidproquo ${to}`,
    migration: false,
    transformProject(context) {
      const files = packageJsonFiles(context);
      if (files.length === 0) return;
      if (to === NEXT) {
        context.note(files[0], 'info', 'the next release is not published yet: update the quidproquo dependencies when it is');
        return;
      }
      const declared = new Map<string, string>();
      for (const ancestor of ancestorsOf(context.root)) {
        const json = readPackageJson(context, ancestor);
        for (const section of DEPENDENCY_SECTIONS)
          for (const name of Object.keys((json?.[section] as Record<string, string>) ?? {})) declared.set(name, ancestor);
      }
      // Only what the migration brought in: a package the code imported before is not its business.
      const importedBefore = importedFrameworkPackages(context, (file) => context.readOriginal?.(file));
      const imported = new Set(
        [...importedFrameworkPackages(context, (file) => context.read(file))].filter((name) => !importedBefore.has(name)),
      );
      for (const file of files) {
        const text = context.read(file);
        if (text === undefined) continue;
        const document = parseJson(file, text);
        if (!document.root) continue;
        const edits: Edit[] = [];
        let prefix: string | undefined;
        for (const section of DEPENDENCY_SECTIONS) {
          const object = objectValue(getProperty(document.root, section));
          for (const property of object?.properties ?? []) {
            const name = propertyName(property);
            if (
              !name ||
              !/^(?:quidproquo(?:-[\w.-]+)?|@quidproquo\/[\w.-]+)$/.test(name) ||
              !ts.isPropertyAssignment(property) ||
              !ts.isStringLiteral(property.initializer)
            )
              continue;
            const spec = property.initializer.text;
            const range = /^([\^~]?)v?\d+\.\d+\.\d+(?:[-+][\w.-]*)?$/.exec(spec);
            if (!range) {
              context.note(file, 'info', `"${name}": "${spec}" is not a version number: set it to the ${to} release by hand`);
              continue;
            }
            prefix ??= range[1];
            const next = `${range[1]}${to}`;
            if (next !== spec) edits.push(replaceString(document.sourceFile, property.initializer, next));
          }
        }
        // Packages the code imports now that nothing declares (a name moved to another package).
        const isRoot = file === files[0];
        const missing = isRoot ? [...imported].filter((name) => !declared.has(name)).sort() : [];
        let text2 = edits.length > 0 ? applyEdits(text, edits, context.eolOf(file), file) : text;
        if (missing.length > 0) {
          const reparsed = parseJson(file, text2);
          const dependencies = reparsed.root && objectValue(getProperty(reparsed.root, 'dependencies'));
          const entries = missing.map((name) => [name, `${prefix ?? ''}${to}`] as const);
          const added = dependencies
            ? addProperties(reparsed.sourceFile, dependencies, entries)
            : reparsed.root
              ? addProperties(reparsed.sourceFile, reparsed.root, [['dependencies', Object.fromEntries(entries)]])
              : [];
          text2 = applyEdits(text2, added, context.eolOf(file), file);
          for (const name of missing) context.note(file, 'change', `"${name}": "${prefix ?? ''}${to}" added: the migrated code imports it`);
        }
        if (text2 !== text) {
          if (edits.length > 0) context.note(file, 'change', `quidproquo dependencies set to ${to}`);
          context.write(file, text2);
        }
      }
    },
  };
}

/** package.json files in scope; without any, the project's own. */
function packageJsonFiles(context: ProjectContext): string[] {
  const inScope = context.jsonFiles.filter((f) => path.basename(f) === 'package.json');
  if (inScope.length > 0) return [...inScope].sort((a, b) => a.length - b.length);
  const own = path.join(context.root, 'package.json');
  return fs.existsSync(own) ? [own] : [];
}

function ancestorsOf(dir: string): string[] {
  const files: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const file = path.join(current, 'package.json');
    if (fs.existsSync(file)) files.push(file);
    if (
      fs.existsSync(path.join(current, '.git')) ||
      fs.existsSync(path.join(current, 'package-lock.json')) ||
      path.dirname(current) === current
    )
      return files;
  }
}

/** A package.json's content; one that does not parse is noted, and declares nothing as far as the step can tell. */
function readPackageJson(context: ProjectContext, file: string): Record<string, unknown> | undefined {
  const text = context.read(file) ?? readIfExists(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    context.note(file, 'skip', `not valid JSON (${messageOf(error)}): the dependencies it declares are not known`);
    return undefined;
  }
}

/** The framework packages the project's sources import (in the spelling they use). */
function importedFrameworkPackages(context: ProjectContext, read: (file: string) => string | undefined): Set<string> {
  const names = new Set<string>();
  for (const file of context.sourcePaths ?? []) {
    const text = read(file);
    if (text === undefined || !/quidproquo/.test(text)) continue;
    for (const match of text.matchAll(
      /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])((?:@quidproquo\/|quidproquo)[^'"]*)\1/gm,
    )) {
      const specifier = match[2];
      const pkg = frameworkPackageOf(specifier);
      if (!pkg) continue;
      names.add(
        specifier.startsWith('@quidproquo/') ? `@quidproquo/${pkg === 'quidproquo' ? 'quidproquo' : pkg.replace(/^quidproquo-/, '')}` : pkg,
      );
    }
  }
  return names;
}
