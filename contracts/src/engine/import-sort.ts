/**
 * eslint-plugin-simple-import-sort's order, the one qpq/import-order keeps, for tools that place
 * an import instead of sorting a block: which group a module belongs to and how two modules or
 * two names compare.
 */

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Names and module keys: case-insensitive, numbers by value, ties broken by code unit. */
export function compareImportNames(a: string, b: string): number {
  // Equal strings are most comparisons in a sort of imports; they skip the collator.
  return a === b ? 0 : collator.compare(a, b) || (a < b ? -1 : 1);
}

/**
 * A module's sort key: by directory level (`../../x` before `../x` before `./x`), with `.` and
 * `/` before other punctuation.
 */
export function moduleSortKey(source: string): string {
  let key = sortKeys.get(source);
  if (key === undefined) {
    key = sortKeyOf(source);
    // Most files import the same modules: each key is made once.
    if (sortKeys.size > 10_000) sortKeys.clear();
    sortKeys.set(source, key);
  }
  return key;
}

const sortKeys = new Map<string, string>();

/**
 * `.` and `/` swapped with `_` and `-`, so they sort before other punctuation; a path of dots and
 * slashes alone (`..`, `./`) gets a `/` after a final dot and then a `,`, so a directory sorts
 * before the modules in it. One pass over the characters.
 */
function sortKeyOf(source: string): string {
  let key = '';
  let onlyDotsAndSlashes = source.length > 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '.') key += '_';
    else if (char === '/') key += '-';
    else {
      onlyDotsAndSlashes = false;
      key += char === '_' ? '.' : char === '-' ? '/' : char;
    }
  }
  if (onlyDotsAndSlashes) key += source.endsWith('.') ? '-,' : ',';
  return key;
}

/** Two modules matched by the same pattern of a group. */
export function compareModules(a: string, b: string): number {
  return compareImportNames(moduleSortKey(a), moduleSortKey(b)) || compareImportNames(a, b);
}

export type ImportKind = 'value' | 'type' | 'side-effect';

/** Where an import goes: its group, and the pattern within the group that matched it. */
export interface ImportRank {
  /** Index into the groups; `groups.length` for a module no pattern matches (they come last). */
  group: number;
  pattern: number;
}

/**
 * The groups' regular expressions, compiled once per distinct `groups` value (an options object
 * may be rebuilt for every file), with each key's rank remembered: the same module names recur in
 * most files of a project.
 */
interface CompiledGroups {
  regexes: RegExp[][];
  rankOfKey: Map<string, ImportRank>;
}
const compiled = new Map<string, CompiledGroups>();
// The same groups array comes back for every import of every file: it is looked up by identity
// first, and only a new array is turned into its text.
const compiledByArray = new WeakMap<readonly (readonly string[])[], CompiledGroups>();

function compiledGroups(groups: readonly (readonly string[])[]): CompiledGroups {
  const known = compiledByArray.get(groups);
  if (known) return known;
  const id = JSON.stringify(groups);
  let found = compiled.get(id);
  if (!found) {
    found = { regexes: groups.map((group) => group.map((pattern) => new RegExp(pattern, 'u'))), rankOfKey: new Map() };
    compiled.set(id, found);
  }
  compiledByArray.set(groups, found);
  return found;
}

/**
 * The group of `groups` (lists of regular expressions, simple-import-sort's `groups` option) an
 * import of `source` belongs to: the longest match wins. Side-effect imports are matched with a
 * `\u0000` before the module, type-only imports with one after it.
 */
export function importRank(source: string, groups: readonly (readonly string[])[], kind: ImportKind = 'value'): ImportRank {
  const { regexes, rankOfKey } = compiledGroups(groups);
  const key = kind === 'side-effect' ? `\0${source}` : kind === 'type' ? `${source}\0` : source;
  const known = rankOfKey.get(key);
  if (known) return known;
  let best: ImportRank = { group: groups.length, pattern: 0 };
  let bestLength = -1;
  regexes.forEach((group, g) =>
    group.forEach((regex, p) => {
      const match = regex.exec(key);
      if (match && match[0].length > bestLength) {
        best = { group: g, pattern: p };
        bestLength = match[0].length;
      }
    }),
  );
  if (rankOfKey.size > 10_000) rankOfKey.clear();
  rankOfKey.set(key, best);
  return best;
}
