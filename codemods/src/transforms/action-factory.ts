import { migrateToActionFactory } from '../lib/action-factory/migrate';
import type { Transform } from '../transform';

export const actionFactory: Transform = {
  name: 'action-factory',
  description:
    'Rebuilds hand-written action requesters (`XActionRequester.ts`) with `createActionRequester` in one `askX.ts` module each: error enums become `errorTypes`, processors use `ProcessorFor` and `createActionProcessor`, the `XAction` / `XActionProcessor` / `XActionRequester` types give way to `ActionOf`, `ProcessorFor` and `AskResponse` across the project; barrels and tests follow.',
  frameworkChange: 'Aug 2026: action requesters built with createActionRequester',
  migration: true,
  // No released quidproquo-core version carries the factory yet: `migrate` runs it whatever the
  // project's version, `upgrade` only when asked for the next release (`--to next`).
  release: 'next',
  runsAfter: ['config-v2', 'queue-batch-window'],

  transformProject(context) {
    migrateToActionFactory(context);
  },
};
