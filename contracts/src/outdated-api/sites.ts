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
import { FrameworkResolver, namesFrameworkModule } from './framework-refs';
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

/**
 * Does the file meet the framework at all? Without a checker only the file's framework imports
 * can name the framework; with one, a module of the project that re-exports it can too.
 */
export function mayHaveSites(text: string, withChecker = false): boolean {
  return namesFrameworkModule(text) || (withChecker && /\bfrom\s*['"]\./.test(text));
}

/** Every site of `entries` in a file, each with a fix of its own (the lint rule's view). */
export function outdatedSites(
  tsm: Tsm,
  sourceFile: ts.SourceFile,
  entries: readonly TableEntry[],
  checker?: ts.TypeChecker,
): OutdatedSite[] {
  if (!mayHaveSites(sourceFile.text, checker !== undefined)) return [];
  const mentioned = mentionedEntries(sourceFile.text, entries);
  if (mentioned.length === 0) return [];
  const resolver = new FrameworkResolver(tsm, sourceFile, checker);
  const sites: OutdatedSite[] = [];
  for (const entry of mentioned) {
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

/**
 * A cheap test on a file's text: false when the file certainly has no site of `entry` (none of
 * the names, paths or values it looks for appear in it).
 */
export function mayHaveEntrySites(text: string, entry: TableEntry): boolean {
  return mayHaveSites(text) && holdsNeedles(text, entry);
}

/** Whether the text holds a word of each of the entry's groups. */
function holdsNeedles(text: string, entry: TableEntry): boolean {
  let patterns = patternCache.get(entry);
  if (!patterns) {
    const groups = needles(entry);
    // No groups: nothing to look for, every file may have a site; an empty list of groups: none may.
    patterns = groups === undefined ? [] : groups.length === 0 ? [/(?!)/] : groups.map((group) => new RegExp(group.map(escaped).join('|')));
    patternCache.set(entry, patterns);
  }
  return patterns.every((pattern) => pattern.test(text));
}

const patternCache = new WeakMap<TableEntry, readonly RegExp[]>();

const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What an entry looks for in a file's text: groups of words, each group with one word the text
 * must hold (all groups, one of each); `undefined` for every file, no group for none.
 */
type Needles = readonly (readonly string[])[] | undefined;

const needleCache = new WeakMap<TableEntry, Needles>();

function needles(entry: TableEntry): Needles {
  if (!needleCache.has(entry)) needleCache.set(entry, needlesOf(entry));
  return needleCache.get(entry);
}

/**
 * The group of an entry's words least likely in any file: the one whose shortest word is longest
 * (`finishReason` rather than `stop`, `tool-call` rather than `type`).
 */
function rarestGroup(groups: readonly (readonly string[])[]): readonly string[] {
  const shortest = (group: readonly string[]) => Math.min(...group.map((word) => word.length));
  return groups.reduce((best, group) => (shortest(group) > shortest(best) ? group : best));
}

/**
 * One pattern for a list of entries, of the rarest group of words of each: the file's text is read
 * once for all of them, not once per entry (the rule judges sixty entries on every file that
 * imports the framework), and only the entries it finds are tested further. Each search goes on
 * from the character after the last match, so words that overlap are all found; at one place the
 * longest word is found first, and a word that it begins with is known present through it.
 */
interface NeedleScan {
  pattern: RegExp | undefined;
  /** Each word with the words it begins with (itself included). */
  prefixes: ReadonlyMap<string, readonly string[]>;
  /** Each entry's rarest group, the words the pattern looks for it by; absent for an entry that looks for none. */
  rarest: ReadonlyMap<TableEntry, readonly string[]>;
  /** The entries every file may have sites of (no words to look for): the answer when the text holds no word. */
  unconditional: readonly TableEntry[];
}

const scans = new WeakMap<readonly TableEntry[], NeedleScan>();

function needleScan(entries: readonly TableEntry[]): NeedleScan {
  let scan = scans.get(entries);
  if (!scan) {
    const rarest = new Map<TableEntry, readonly string[]>();
    for (const entry of entries) {
      const groups = needles(entry);
      if (groups && groups.length > 0) rarest.set(entry, rarestGroup(groups));
    }
    const words = [...new Set([...rarest.values()].flat())].sort((a, b) => b.length - a.length);
    const prefixes = new Map(words.map((word) => [word, words.filter((other) => word.startsWith(other))]));
    scan = {
      pattern: words.length > 0 ? new RegExp(words.map(escaped).join('|'), 'g') : undefined,
      prefixes,
      rarest,
      unconditional: entries.filter((entry) => needles(entry) === undefined),
    };
    scans.set(entries, scan);
  }
  return scan;
}

/** The entries of a list whose names, paths or values appear in a file's text: `mayHaveEntrySites` of each, in one read. */
export function mentionedEntries(text: string, entries: readonly TableEntry[]): readonly TableEntry[] {
  const { pattern, prefixes, rarest, unconditional } = needleScan(entries);
  const present = new Set<string>();
  if (pattern) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (!present.has(match[0])) for (const word of prefixes.get(match[0])!) present.add(word);
      pattern.lastIndex = match.index + 1;
    }
  }
  // Most files name none of the entries: nothing to test one by one.
  if (present.size === 0) return unconditional;
  return entries.filter((entry) => {
    if (needles(entry) === undefined) return true;
    return rarest.get(entry)?.some((word) => present.has(word)) === true && holdsNeedles(text, entry);
  });
}

/**
 * The words a site of `entry` cannot be written without: of a member (`qpqWebServerUtils.decodeJWT`)
 * its own name, which every use of it spells; of a module pattern its package, with the `/` when
 * the pattern goes on with one (a deep path); of an enum that replaced strings, the strings.
 */
function needlesOf(entry: TableEntry): Needles {
  const words = new Set<string>();
  const add = (ref: { name: string } | undefined) => {
    if (ref) words.add(ref.name.slice(ref.name.lastIndexOf('.') + 1));
  };
  const addModule = (pattern: string) => {
    const match = /^\^?((?:@quidproquo\/|quidproquo)[\w.-]*)(\/?)/.exec(pattern);
    if (match) words.add(match[1] + match[2]);
    return match !== null;
  };
  switch (entry.kind) {
    case 'rename':
      for (const n of entry.names ?? []) add(n.from);
      // A deep path names its package; a changed value is in the text as it was.
      for (const m of entry.modules ?? []) if (!addModule(m.from)) return undefined;
      for (const v of entry.strings ?? []) words.add(v.from);
      break;
    case 'call-shape':
      add({ name: entry.function.name.split('.').pop()! });
      break;
    case 'required-field':
      for (const t of entry.types) add(t);
      break;
    case 'enum-literal':
      // A site compares the property (`type`, `finishReason`) with one of these strings: both are
      // there, and either alone is a common word.
      return [[entry.property], Object.keys(entry.values)];
    case 'manual':
      for (const finder of entry.find) {
        if ('module' in finder && !addModule(finder.module)) return undefined;
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
      return [];
  }
  return words.size === 0 ? undefined : [[...words]];
}
