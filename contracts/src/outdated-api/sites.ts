import type * as ts from 'typescript';

import type { TextEdit } from '../types';
import { actionTypeSites } from './kinds/action-types';
import { callShapeSites } from './kinds/call-shape';
import { enumLiteralSites } from './kinds/enum-literal';
import { manualSites } from './kinds/manual';
import { renameSites } from './kinds/rename';
import { requiredFieldSites } from './kinds/required-field';
import { defineLogsSites } from './special/define-logs';
import { eventDocVersionsSites } from './special/event-doc-versions';
import { isoDateTimeSites } from './special/iso-date-time';
import { memberRenameSites } from './special/member-rename';
import { nullNotUndefinedSites } from './special/null-not-undefined';
import { overrideHandlerResultSites } from './special/override-handler-result';
import { runtimeMainStorySites } from './special/runtime-main-story';
import { syncLoggerLogSites } from './special/sync-logger-log';
import { tupleResultSites } from './special/tuple-result';
import { workspaceDocsSites } from './special/workspace-docs';
import { workspaceSlotDefinitionSites } from './special/workspace-slot-definition';
import { type OutdatedSite, SiteCollector } from './collector';
import { FrameworkResolver } from './framework-refs';
import type { SpecialEntry, TableEntry } from './tables';

type Tsm = typeof ts;

/** The transforms of `special` entries, by name. */
export const SPECIAL_TRANSFORMS: Readonly<Record<string, (collector: SiteCollector, entry: SpecialEntry) => void>> = {
  'define-logs': defineLogsSites,
  'sync-logger-log': syncLoggerLogSites,
  'override-handler-result': overrideHandlerResultSites,
  'iso-date-time': isoDateTimeSites,
  'null-not-undefined': nullNotUndefinedSites,
  'member-rename': memberRenameSites,
  'tuple-result': tupleResultSites,
  'event-doc-versions': eventDocVersionsSites,
  'workspace-docs': workspaceDocsSites,
  'workspace-slot-definition': workspaceSlotDefinitionSites,
  'runtime-main-story': runtimeMainStorySites,
};

function collect(collector: SiteCollector, entry: TableEntry): void {
  switch (entry.kind) {
    case 'rename':
      return renameSites(collector, entry);
    case 'call-shape':
      return callShapeSites(collector, entry);
    case 'required-field':
      return requiredFieldSites(collector, entry);
    case 'enum-literal':
      return enumLiteralSites(collector, entry);
    case 'manual':
      return manualSites(collector, entry);
    case 'action-types':
      return actionTypeSites(collector, entry);
    case 'special': {
      const transform = SPECIAL_TRANSFORMS[entry.transform];
      if (transform) return transform(collector, entry);
      // A change without a transform yet: its sites are found and left to a person.
      return manualSites(collector, {
        ...entry,
        kind: 'manual',
        instruction: entry.instruction ?? entry.title,
        find: [{ import: entry.targets }],
      });
    }
    case 'package-scripts':
      return;
  }
}

/** Does the file meet the framework at all? Files that import none of its modules have no sites. */
export function mayHaveSites(text: string): boolean {
  return /['"](?:quidproquo|@quidproquo\/)/.test(text);
}

/** Every site of `entries` in a file, each with a fix of its own (the lint rule's view). */
export function outdatedSites(
  tsm: Tsm,
  sourceFile: ts.SourceFile,
  entries: readonly TableEntry[],
  checker?: ts.TypeChecker,
): OutdatedSite[] {
  // Without a checker only the file's framework imports can name the framework; with one, a
  // module of the project that re-exports it can too, so the names the entries look for decide.
  const direct = mayHaveSites(sourceFile.text);
  if (!direct && !(checker && /\bfrom\s*['"]\./.test(sourceFile.text))) return [];
  const resolver = new FrameworkResolver(tsm, sourceFile, checker);
  const sites: OutdatedSite[] = [];
  for (const entry of entries) {
    if (!(direct ? mayHaveEntrySites(sourceFile.text, entry) : mentionsEntryNames(sourceFile.text, entry))) continue;
    const collector = new SiteCollector(tsm, sourceFile, checker, resolver, false);
    collect(collector, entry);
    sites.push(...collector.sites);
  }
  return sites.sort((a, b) => a.start - b.start);
}

/** One entry's sites in a file and the edits that migrate all of them together (the codemod's view). */
export function entryChanges(
  tsm: Tsm,
  sourceFile: ts.SourceFile,
  entry: TableEntry,
  checker?: ts.TypeChecker,
): { sites: OutdatedSite[]; edits: TextEdit[] } {
  if (!mayHaveSites(sourceFile.text)) return { sites: [], edits: [] };
  const resolver = new FrameworkResolver(tsm, sourceFile, checker);
  if (resolver.imports.modules.length === 0) return { sites: [], edits: [] };
  const collector = new SiteCollector(tsm, sourceFile, checker, resolver, true);
  collect(collector, entry);
  return collector.finish();
}

export type { OutdatedSite };

const needleCache = new WeakMap<TableEntry, RegExp | undefined>();

/**
 * A cheap test on a file's text: false when the file certainly has no site of `entry` (none of
 * the names, paths or values it looks for appear in it).
 */
export function mayHaveEntrySites(text: string, entry: TableEntry): boolean {
  return mayHaveSites(text) && mentionsEntryNames(text, entry);
}

function mentionsEntryNames(text: string, entry: TableEntry): boolean {
  if (!needleCache.has(entry)) needleCache.set(entry, needlesOf(entry));
  const needles = needleCache.get(entry);
  return needles === undefined || needles.test(text);
}

function needlesOf(entry: TableEntry): RegExp | undefined {
  const words = new Set<string>();
  const add = (ref: { name: string } | undefined) => {
    if (ref) for (const part of ref.name.split('.')) words.add(part);
  };
  switch (entry.kind) {
    case 'rename':
      for (const n of entry.names ?? []) add(n.from);
      // A deep path names its package; a changed value is in the text as it was.
      for (const m of entry.modules ?? []) {
        const pkg = /^\^?((?:@quidproquo\/|quidproquo)[\w.-]*)/.exec(m.from)?.[1];
        if (!pkg) return undefined;
        words.add(pkg);
      }
      for (const v of entry.strings ?? []) words.add(v.from);
      break;
    case 'call-shape':
      add({ name: entry.function.name.split('.').pop()! });
      break;
    case 'required-field':
      for (const t of entry.types) add(t);
      break;
    case 'enum-literal':
      words.add(entry.property);
      break;
    case 'manual':
      for (const finder of entry.find) {
        if ('module' in finder) {
          const pkg = /^\^?((?:@quidproquo\/|quidproquo)[\w.-]*)/.exec(finder.module)?.[1];
          if (!pkg) return undefined;
          words.add(pkg);
        }
        if ('import' in finder) finder.import.forEach(add);
        if ('call' in finder) add(finder.call);
        if ('option' in finder) add(finder.option);
        if ('missingOption' in finder) add(finder.missingOption);
        if ('typed' in finder) finder.typed.forEach(add);
        if ('literal' in finder) finder.literal.forEach(add);
        if ('member' in finder) add(finder.member);
      }
      break;
    case 'action-types':
      for (const n of entry.names) words.add(n.name);
      break;
    case 'special':
      entry.targets.forEach(add);
      break;
    case 'package-scripts':
      return /(?!)/;
  }
  if (words.size === 0) return undefined;
  const escaped = [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:${escaped.join('|')})`);
}
