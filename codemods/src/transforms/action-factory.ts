import { type ActionTypesEntry, allEntries, entryChanges, mayHaveEntrySites } from 'qpq-contracts';
import { ts } from 'ts-morph';

import { migrateToActionFactory } from '../lib/action-factory/migrate';
import type { Transform } from '../transform';

/** The framework's own hand-written action-type names and the requesters that replace them (release table `next`). */
function frameworkActionTypes(): ActionTypesEntry | undefined {
  return allEntries().find((e): e is ActionTypesEntry => e.kind === 'action-types');
}

export const actionFactory: Transform = {
  name: 'action-factory',
  description:
    "Rebuilds hand-written action requesters (`XActionRequester.ts`) with `createActionRequester` in one `askX.ts` module each: error enums become `errorTypes`, processors use `ProcessorFor` and `createActionProcessor`, the `XAction` / `XActionProcessor` / `XActionRequester` types give way to `ActionOf`, `ProcessorFor` and `AskResponse` across the project; barrels and tests follow. The framework's own action-type names the project uses (`ConfigGetSecretErrorTypeEnum`, `KeyValueStoreUpsertActionRequester`, …) are rewritten the same way, from the release table.",
  frameworkChange: 'Aug 2026: action requesters built with createActionRequester',
  migration: true,
  // No released quidproquo-core version carries the factory yet: `migrate` runs it whatever the
  // project's version, `upgrade` only when asked for the next release (`--to next`).
  release: 'next',
  runsAfter: ['config-v2', 'queue-batch-window'],

  mightChange(text) {
    const entry = frameworkActionTypes();
    return entry !== undefined && mayHaveEntrySites(text, entry);
  },

  // The framework's names, file by file; then the project's own requesters, across files.
  transformSource(context) {
    const entry = frameworkActionTypes();
    if (!entry) return [];
    const { sites, edits } = entryChanges(ts as unknown as Parameters<typeof entryChanges>[0], context.sourceFile as never, entry);
    for (const site of sites)
      context.note(
        site.manual !== undefined ? 'skip' : 'change',
        site.manual !== undefined ? `${site.message}: ${site.manual}` : site.message,
        site.start,
      );
    return edits;
  },

  transformProject(context) {
    migrateToActionFactory(context);
  },
};
