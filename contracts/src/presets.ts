import type { Contract } from './types';

/** The named rule sets both front ends offer: ESLint configs and the editor plugin's `preset`. */
export type PresetName = 'recommended' | 'strict';
export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict'];

/** What `strict` does with one option: the value it sets (none: the default is the strictest already), and why. */
export interface StrictestOption {
  strict?: unknown;
  why: string;
}

/**
 * Every option of every rule, with its strictest value. "Strictest" is the value that reports the
 * most; an option whose values are styles or facts rather than degrees keeps its default, and
 * says why. A rule's new option belongs here too: a test fails until it is.
 */
export const STRICTEST_OPTIONS: Readonly<Record<string, Readonly<Record<string, StrictestOption>>>> = {
  'require-yield-star': {
    combinators: { why: "no functions beyond the framework's own: each name added exempts the stories passed to it" },
  },
  'monomorphic-action-shape': {
    optionalKeys: { why: 'on by default: reports literals that leave out keys' },
    runtimeShapes: { why: 'on by default: reports shapes chosen at run time' },
    mutation: { why: 'on by default: reports keys added or deleted after an action is built' },
    testFiles: { strict: true, why: 'test files are judged too' },
  },
  'import-order': {
    groups: { why: "the framework's house order: another order is another style, not a stricter one" },
    orderByImportStyle: { strict: true, why: 'imports of one module are ordered by style too (`import * as`, default, named)' },
  },
  'pure-stories': {
    bannedGlobals: { why: 'none added: which more globals to ban depends on the project' },
    bannedModules: { why: 'none added: which more modules to ban depends on the project' },
    allowedGlobals: { why: 'none: no global is accepted in stories' },
    allowedModules: { why: 'none: no module is accepted in stories' },
  },
  'ask-prefix-generator-only': {
    requireAskPrefix: { strict: true, why: 'exported stories without the `ask` prefix are reported too' },
  },
  'valid-runtime-reference': {
    testFiles: { strict: true, why: 'runtime references in test files are judged too' },
  },
  'no-outdated-api': {
    frameworkVersion: { why: 'not set: the release the project is on is read from its dependencies' },
    ignore: { why: 'none: no release-table entry is skipped' },
  },
};

/** A rule as a preset sets it: its severity, and the options it sets beside the rule's defaults. */
export interface PresetRule {
  severity: 'error' | 'warn';
  options: Record<string, unknown> | undefined;
}

/**
 * The rules a preset turns on. `recommended`: each rule at its recommended severity, with its
 * default options. `strict`: every rule at `error`, every option at its strictest.
 */
export function presetRules(preset: PresetName, contracts: readonly Contract[]): Map<string, PresetRule> {
  const rules = new Map<string, PresetRule>();
  for (const { meta } of contracts) {
    if (preset === 'recommended') {
      if (meta.recommended !== false) rules.set(meta.id, { severity: meta.recommended, options: undefined });
      continue;
    }
    const options: Record<string, unknown> = {};
    for (const [name, option] of Object.entries(STRICTEST_OPTIONS[meta.id] ?? {})) {
      if ('strict' in option) options[name] = option.strict;
    }
    rules.set(meta.id, { severity: 'error', options: Object.keys(options).length > 0 ? options : undefined });
  }
  return rules;
}
