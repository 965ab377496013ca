import * as fs from 'node:fs';
import * as path from 'node:path';

import { compareVersions, isInRange } from './versions';

/**
 * The release tables: one JSON file per framework release (`contracts/releases/<release>.json`),
 * each entry one change of the framework's breaking-change log (or of its history before the
 * log), with the release that really shipped it. They are written from the facts that
 * `scripts/release-facts.mjs` reads out of the framework's tags (contracts/releases/facts/) and
 * reviewed by hand; the tests check every entry against those facts.
 *
 * `qpq-codemod upgrade` applies the class-A entries of the releases it crosses and reports the
 * class-B sites; `qpq/no-outdated-api` reports uses of what the installed release no longer has.
 */

/** An export of a framework package (old spelling, `quidproquo-core`); `name` may be `utils.member`. */
export interface ExportRef {
  package: string;
  name: string;
}

export type EntryClass = 'A' | 'B';

interface EntryBase {
  /** `bc-145`: the bullet's position in the framework's breaking-changes.md (at c1c4fb44); `pre-log-*`, `next-*` otherwise. */
  id: string;
  class: EntryClass;
  /** The first release whose packages carry the change. */
  release: string;
  /** One line: what changed. */
  title: string;
  /** What a person does at a site the tools find but cannot finish (class B, or the rest of an A entry). */
  instruction?: string;
  /** What to look over where the change was made (printed once per changed file). */
  review?: string;
  /** The old form does not exist in the release (a removed name, an argument count no overload takes): `qpq/no-outdated-api` reports it. */
  lint?: boolean;
}

/** A name moved or renamed between modules, possibly into a call; a module path or string value changed. */
export interface RenameEntry extends EntryBase {
  kind: 'rename';
  names?: Array<{ from: ExportRef; to: ExportRef; /** The old identifier becomes a call of the new export. */ call?: boolean }>;
  /** Deep import paths: a module specifier matching `from` (a regular expression) becomes `to`. */
  modules?: Array<{ from: string; to: string }>;
  /** String literals whose whole value changed (action type strings). */
  strings?: Array<{ from: string; to: string }>;
}

/** What an argument or the call looks like, for entries that apply to some calls only. */
export interface CallCondition {
  /** Exact argument count, or [min, max]. */
  args?: number | [number, number];
  /** An argument that must be this literal: `null`, `undefined`, or a string value. */
  literal?: { index: number; value: string | null };
}

/** Arguments dropped, inserted, reordered or wrapped; option keys renamed, removed, or an old default written in. */
export interface CallShapeEntry extends EntryBase {
  kind: 'call-shape';
  function: ExportRef;
  when?: CallCondition;
  /** The callee becomes this export. */
  callee?: ExportRef;
  /**
   * The new argument list, from the old arguments: `$0`, `$1` their text, `$1?` a trailing optional
   * one (left out with its comma when absent), `$0:key` an argument as an object key.
   */
  args?: string;
  /** Changes inside the object literal passed at `index`. */
  options?: {
    index: number;
    remove?: string[];
    rename?: Record<string, string>;
    /** key -> value text, written when the key is absent (an old default, kept). */
    addIfMissing?: Record<string, string>;
  };
  /** `$0 === undefined` comparisons of the result become comparisons with this text. */
  resultUndefinedBecomes?: string;
  /** Names the new text uses, imported where it is written. */
  imports?: ExportRef[];
}

/** A member that became required: object literals typed by one of `types` get `key: value`. */
export interface RequiredFieldEntry extends EntryBase {
  kind: 'required-field';
  types: ExportRef[];
  key: string;
  value: string;
  imports?: ExportRef[];
}

/** Comparisons of a string-typed member with literals that became enum members. */
export interface EnumLiteralEntry extends EntryBase {
  kind: 'enum-literal';
  /** The member compared: `finishReason`, `type`. */
  property: string;
  enum: ExportRef;
  /** Old literal -> enum member name. */
  values: Record<string, string>;
}

/** What a class-B entry's sites look like; with `onlyWith`, only in files that use one of those exports. */
export type SiteFinder = { onlyWith?: ExportRef[] } & (
  | { import: ExportRef[] }
  | { call: ExportRef; args?: number | [number, number] }
  | { option: ExportRef; index: number; keys: string[] }
  | { missingOption: ExportRef; index: number; key: string }
  | { typed: ExportRef[] }
  /** Object literals written as one of the types (annotation, `as`, `satisfies`, declared return type); with `missing`, only those without one of the keys their type now requires. */
  | { literal: ExportRef[]; missing?: Record<string, string[]> }
  | { member: ExportRef; property: string }
  /** Import paths matching a regular expression (deep imports of a module a release removed). */
  | { module: string }
);

export interface ManualEntry extends EntryBase {
  kind: 'manual';
  find: SiteFinder[];
  /** The instruction concerns the file as a whole: its first site only is reported. */
  oncePerFile?: boolean;
}

/** A hand-written action-type name replaced by the requester built with the action factory. */
export interface ActionTypeName {
  package: string;
  name: string;
  kind: 'errorEnum' | 'action' | 'payload' | 'processor' | 'requester';
  /** The requester a story calls. */
  requester: string;
  /** The factory requester the types and error enum hang off (`askXBase` when `askX` is a story over it). */
  base: string;
  /** For `requester`: the result type R of `AskResponse<R>`, in terms of `typeParameters`. */
  result?: string;
  typeParameters?: string[];
}

export interface ActionTypesEntry extends EntryBase {
  kind: 'action-types';
  names: ActionTypeName[];
}

/** Changes with a transform of their own (`transform` names it). */
export interface SpecialEntry extends EntryBase {
  kind: 'special';
  transform: string;
  /** The exports the transform looks for, for the cheap text pre-check and the docs. */
  targets: ExportRef[];
  /** Transform-specific data. */
  data?: Record<string, unknown>;
}

/** A change outside the TypeScript sources (package.json scripts, CI files): reported, with the edit where it is plain. */
export interface ScriptEntry extends EntryBase {
  kind: 'package-scripts';
  /** In package.json scripts: text matching `from` (a regular expression) becomes `to` (`$1` groups allowed). */
  replace: Array<{ from: string; to: string }>;
}

export type TableEntry =
  RenameEntry | CallShapeEntry | RequiredFieldEntry | EnumLiteralEntry | ManualEntry | ActionTypesEntry | SpecialEntry | ScriptEntry;
export type EntryKind = TableEntry['kind'];

export interface ReleaseTable {
  release: string;
  /** The release before it, which the facts were diffed against. */
  previous: string;
  /** When the release was tagged. */
  date?: string;
  entries: TableEntry[];
}

let loaded: ReleaseTable[] | undefined;

/** The folder the tables ship in (`contracts/releases`, next to `src/` and `dist/`). */
export const RELEASES_DIR = path.join(__dirname, '..', '..', 'releases');

/** Every release table, oldest first. */
export function releaseTables(): readonly ReleaseTable[] {
  if (loaded) return loaded;
  const tables: ReleaseTable[] = [];
  for (const file of fs.readdirSync(RELEASES_DIR)) {
    if (!file.endsWith('.json')) continue;
    const table = JSON.parse(fs.readFileSync(path.join(RELEASES_DIR, file), 'utf8')) as ReleaseTable;
    for (const entry of table.entries) entry.release = entry.release ?? table.release;
    tables.push(table);
  }
  loaded = tables.sort((a, b) => compareVersions(a.release, b.release));
  return loaded;
}

/** Every entry, in release order. */
export function allEntries(): readonly TableEntry[] {
  return releaseTables().flatMap((t) => t.entries);
}

/** The releases the tables know, oldest first. */
export function knownReleases(): string[] {
  return releaseTables().map((t) => t.release);
}

/** The newest numbered release the tables know (`next` aside): where `upgrade` goes by default. */
export function latestRelease(): string {
  const numbered = knownReleases().filter((r) => r !== 'next');
  return numbered[numbered.length - 1];
}

/** The entries of the releases in (from, to], in release order. */
export function entriesBetween(from: string, to: string): TableEntry[] {
  return allEntries().filter((e) => isInRange(e.release, from, to));
}

/** The entries the installed release has already shipped (the old forms are gone). */
export function entriesUpTo(installed: string): TableEntry[] {
  return allEntries().filter((e) => compareVersions(e.release, installed) <= 0);
}

/** The release before `release` in the tables (what `upgrade --from` should say to cross it). */
export function releaseBefore(release: string): string | undefined {
  const tables = releaseTables();
  const index = tables.findIndex((t) => t.release === release);
  return index > 0 ? tables[index].previous : index === 0 ? tables[0].previous : undefined;
}
