import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

import { compareVersions, type ExportRef, RELEASES_DIR, releaseTables, SPECIAL_TRANSFORMS, type TableEntry } from '../src/index';

/**
 * The reviewed tables are checked against the facts scripts/release-facts.mjs read out of the
 * framework's tags: a name an entry migrates away from existed in the release before, a name it
 * migrates to exists in the release, a member it writes became required in that release.
 */

interface Facts {
  release: string;
  previous: string;
  packages: Record<
    string,
    {
      removed: Array<{ name: string }>;
      added: string[];
      changed: Array<{
        name: string;
        signature?: [string | null, string | null];
        members?: { added?: string[]; removed?: string[]; nowRequired?: string[] };
      }>;
    }
  >;
  actionTypeNames?: { rows: Array<{ package: string; name: string; base: string }> };
}

const FACTS_DIR = path.join(RELEASES_DIR, 'facts');
const lifetimes = JSON.parse(fs.readFileSync(path.join(FACTS_DIR, 'exports.json'), 'utf8')) as Record<
  string,
  Record<string, [string, string | null]>
>;
const factsOf = (release: string) => JSON.parse(fs.readFileSync(path.join(FACTS_DIR, `${release}.json`), 'utf8')) as Facts;
const tables = releaseTables();

/** Was `ref` (its export, or the class a static member hangs off) in the public API at `release`? */
function existsAt(ref: ExportRef, release: string): boolean {
  const names = lifetimes[ref.package] ?? {};
  const span = names[ref.name] ?? (ref.name.includes('.') && /^[A-Z]/.test(ref.name) ? names[ref.name.split('.')[0]] : undefined);
  if (!span) return false;
  return compareVersions(span[0], release) <= 0 && (span[1] === null || compareVersions(release, span[1]) <= 0);
}

const describeRef = (ref: ExportRef) => `${ref.package}:${ref.name}`;

function refsOf(entry: TableEntry): { before: ExportRef[]; after: ExportRef[] } {
  const before: ExportRef[] = [];
  const after: ExportRef[] = [];
  switch (entry.kind) {
    case 'rename':
      for (const n of entry.names ?? []) {
        before.push(n.from);
        after.push(n.to);
      }
      break;
    case 'call-shape':
      before.push(entry.function);
      if (entry.callee) after.push(entry.callee);
      break;
    case 'required-field':
      before.push(...entry.types);
      after.push(...entry.types, ...(entry.imports ?? []));
      break;
    case 'enum-literal':
      after.push(entry.enum);
      break;
    case 'manual':
      for (const finder of entry.find) {
        if ('import' in finder) before.push(...finder.import);
        if ('call' in finder) before.push(finder.call);
        if ('option' in finder) before.push(finder.option);
        if ('missingOption' in finder) before.push(finder.missingOption);
        if ('typed' in finder) before.push(...finder.typed);
        if ('literal' in finder) before.push(...finder.literal);
        if ('member' in finder) before.push(finder.member);
      }
      break;
    case 'special':
      before.push(...entry.targets);
      break;
    default:
      break;
  }
  return { before, after };
}

describe('the release tables', () => {
  it('name each release the framework tagged, in order, with the release before it', () => {
    const facts = fs
      .readdirSync(FACTS_DIR)
      .filter((f) => /^(\d+\.\d+\.\d+|next)\.json$/.test(f))
      .map((f) => f.replace(/\.json$/, ''));
    for (const table of tables) {
      expect(facts, table.release).toContain(table.release);
      expect(table.previous, table.release).toBe(factsOf(table.release).previous);
    }
    expect(tables.map((t) => t.release)).toEqual([...tables.map((t) => t.release)].sort(compareVersions));
  });

  it('account for every bullet of the framework log once: an entry, a coded transform, a reclassification, or no source change', () => {
    const seen = new Map<string, string>();
    const note = (id: string, where: string) => {
      if (!/^bc-\d+$/.test(id)) return;
      const before = seen.get(id);
      // One change may need several entries of one release (a call shape and a required member).
      if (before && before !== where) throw new Error(`${id} in ${before} and ${where}`);
      seen.set(id, where);
    };
    for (const table of tables) {
      for (const e of table.entries) note(e.id, `${table.release} entries`);
      for (const r of (table as { reclassified?: Array<{ id: string }> }).reclassified ?? []) note(r.id, `${table.release} reclassified`);
      for (const n of (table as { noSourceChange?: Array<{ id: string }> }).noSourceChange ?? [])
        note(n.id, `${table.release} no source change`);
      for (const c of (table as { transforms?: Array<{ id: string }> }).transforms ?? []) note(c.id, `${table.release} transforms`);
    }
    expect([...seen.keys()].sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)))).toEqual(
      Array.from({ length: 173 }, (_, i) => `bc-${i + 1}`),
    );
  });

  for (const table of tables) {
    describe(`quidproquo ${table.release}`, () => {
      const facts = factsOf(table.release);
      it('lists every export the release removed (in an entry, or as a gap the log does not mention)', () => {
        const listed = new Set(
          table.entries.flatMap((e) =>
            [...refsOf(e).before, ...(e.kind === 'action-types' ? e.names : [])].map((r) => `${r.package}:${r.name}`),
          ),
        );
        const removed = Object.entries(facts.packages).flatMap(([pkg, p]) =>
          p.removed.filter((r) => !r.name.includes('.')).map((r) => `${pkg}:${r.name}`),
        );
        expect(removed.filter((r) => !listed.has(r))).toEqual([]);
      });
      for (const [index, entry] of table.entries.entries()) {
        it(`${entry.id} (${entry.kind}, #${index + 1}): its old names existed in ${table.previous}, its new ones exist in ${table.release}`, () => {
          const { before, after } = refsOf(entry);
          expect(before.filter((r) => !existsAt(r, table.previous)).map(describeRef)).toEqual([]);
          expect(after.filter((r) => !existsAt(r, table.release)).map(describeRef)).toEqual([]);
          if (entry.kind === 'rename') {
            // A name migrated away from is gone from its package in the release.
            expect((entry.names ?? []).filter((n) => existsAt(n.from, table.release)).map((n) => describeRef(n.from))).toEqual([]);
          }
          if (entry.kind === 'required-field') {
            const gained = entry.types.filter((t) => {
              const change = facts.packages[t.package]?.changed.find((c) => c.name === t.name);
              return [...(change?.members?.added ?? []), ...(change?.members?.nowRequired ?? [])].includes(entry.key);
            });
            expect(gained.map(describeRef), `${entry.key} became a required member`).toEqual(entry.types.map(describeRef));
          }
          if (entry.kind === 'enum-literal') expect(lifetimes[entry.enum.package][entry.enum.name][0]).toBe(table.release);
          if (
            entry.kind === 'call-shape' &&
            (entry.when?.args !== undefined || entry.args !== undefined) &&
            !/^[A-Z]/.test(entry.function.name)
          ) {
            const change = facts.packages[entry.function.package]?.changed.find((c) => c.name === entry.function.name);
            const removed = facts.packages[entry.function.package]?.removed.some((r) => r.name === entry.function.name);
            expect(Boolean(change?.signature) || removed, `${describeRef(entry.function)}: its signature changed in ${table.release}`).toBe(
              true,
            );
          }
          if (entry.kind === 'special') expect(SPECIAL_TRANSFORMS[entry.transform], `transform ${entry.transform}`).toBeDefined();
          if (entry.id.startsWith('gap-removed-')) {
            const removed = new Set(Object.entries(facts.packages).flatMap(([pkg, p]) => p.removed.map((r) => `${pkg}:${r.name}`)));
            expect(before.map(describeRef).filter((r) => !removed.has(r))).toEqual([]);
          }
        });
      }
      if (table.entries.some((e) => e.kind === 'action-types')) {
        it('maps every removed action-type name the facts map, to a requester the release exports', () => {
          const entry = table.entries.find((e) => e.kind === 'action-types')!;
          if (entry.kind !== 'action-types') return;
          const generated = new Set((facts.actionTypeNames?.rows ?? []).map((r) => `${r.package}:${r.name}`));
          const rows = new Set(entry.names.map((r) => `${r.package}:${r.name}`));
          expect([...generated].filter((r) => !rows.has(r))).toEqual([]);
          expect(entry.names.filter((r) => !existsAt({ package: r.package, name: r.name }, table.previous)).map((r) => r.name)).toEqual([]);
          expect(entry.names.filter((r) => existsAt({ package: r.package, name: r.name }, table.release)).map((r) => r.name)).toEqual([]);
          expect(
            entry.names.filter((r) => !existsAt({ package: r.package, name: r.base }, table.release)).map((r) => `${r.name} -> ${r.base}`),
          ).toEqual([]);
        });
      }
    });
  }
});
