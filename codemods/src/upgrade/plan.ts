import {
  allEntries,
  compareVersions,
  detectFrameworkVersion,
  isInRange,
  latestRelease,
  normalizeVersion,
  type TableEntry,
} from 'qpq-contracts';

import { UsageError } from '../lib/project';
import type { UpgradeRequest } from '../runner';
import type { Transform } from '../transform';
import { allTransforms } from '../transforms';
import { entryTransform } from './entry-transform';
import { dependenciesTransform, scriptsTransform } from './project-steps';

/** The migrations of one release, in the order they run. */
export interface UpgradeStep {
  release: string;
  transforms: Transform[];
  /** The table entries behind the transforms (for the summary). */
  entries: TableEntry[];
}

/**
 * Every migration whose release lies in (from, to], release by release: the transforms that carry
 * a `release` (config-v2, queue-batch-window, action-factory) first, then the table entries of
 * that release in table order.
 */
export function upgradeSteps(from: string, to: string, options: { insertTodos: boolean }): UpgradeStep[] {
  const releases = new Set<string>();
  const entries = allEntries().filter((e) => isInRange(e.release, from, to));
  for (const entry of entries) releases.add(entry.release);
  const coded = allTransforms.filter((t) => t.release !== undefined && isInRange(t.release, from, to));
  for (const transform of coded) releases.add(transform.release!);
  return [...releases].sort(compareVersions).map((release) => {
    const own = entries.filter((e) => e.release === release);
    const parts = new Map<string, number>();
    const tableTransforms = own.map((entry) => {
      const part = parts.get(entry.id) ?? 0;
      parts.set(entry.id, part + 1);
      return entry.kind === 'package-scripts' ? scriptsTransform(entry, part) : entryTransform(entry, part, options);
    });
    return { release, transforms: [...coded.filter((t) => t.release === release), ...tableTransforms], entries: own };
  });
}

export interface UpgradeOptions {
  from?: string;
  to?: string;
  insertTodos: boolean;
}

/**
 * Where the upgrade starts and ends: `--from`, else the project's installed or locked or declared
 * framework version; `--to`, else the newest release the tables know. No version and no `--from`
 * is a usage error that asks for it.
 */
export function planUpgrade(root: string, options: UpgradeOptions, suggest: (extra: string) => string): UpgradeRequest {
  const warnings: string[] = [];
  const to = options.to !== undefined ? checkedVersion(options.to, '--to', suggest) : latestRelease();
  let from: string;
  let fromSource: string;
  if (options.from !== undefined) {
    from = checkedVersion(options.from, '--from', suggest);
    fromSource = 'given with --from';
  } else {
    const found = detectFrameworkVersion(root);
    if (!found) {
      throw new UsageError(
        `cannot tell which quidproquo release this project is on: no quidproquo, quidproquo-* or @quidproquo/* dependency in the package.json files up to the workspace root, its lockfile or node_modules. ` +
          `Say which release the code is written for: ${suggest('--from <version>')} (for example --from 0.1.8)`,
      );
    }
    from = found.version;
    fromSource = found.source;
    if (found.disagreement) warnings.push(found.disagreement);
  }
  if (compareVersions(from, to) > 0)
    throw new UsageError(`--to ${to} is older than the project's release ${from}; upgrade goes forward only`);
  return { from, fromSource, to, steps: upgradeSteps(from, to, options), finish: [dependenciesTransform(to)], warnings };
}

function checkedVersion(text: string, flag: string, suggest: (extra: string) => string): string {
  const version = normalizeVersion(text);
  if (!version)
    throw new UsageError(
      `${flag} '${text}' is not a release number; type: ${suggest(`${flag} 0.1.8`)} (or ${flag} next for the unreleased changes)`,
    );
  return version;
}
