// What a rule page's header line and the rules tables say about a rule: the configs enabling it,
// its fixes and its use of type information, with eslint-doc-generator's emoji for each.
import { listText } from './markdown.mjs';

/**
 * The plugin's configs: every rule with a `recommended` severity is in the first two at that
 * severity; the strict two turn every rule on at `error` (with its strictest options).
 */
export const CONFIGS = ['recommended', 'recommended-type-checked', 'strict', 'strict-type-checked'];

/** `{ config: severity }` for each config that enables the rule. */
export function configSeverities(meta) {
  const recommended = meta.recommended ? { recommended: meta.recommended, 'recommended-type-checked': meta.recommended } : {};
  return { ...recommended, strict: 'error', 'strict-type-checked': 'error' };
}

/** The configs, e.g. "💼 `error` in `recommended` and `recommended-type-checked`". */
export function configsNotice(meta) {
  const bySeverity = new Map();
  for (const [config, severity] of Object.entries(configSeverities(meta))) {
    bySeverity.set(severity, [...(bySeverity.get(severity) ?? []), `\`${config}\``]);
  }
  return `💼 ${[...bySeverity].map(([severity, configs]) => `\`${severity}\` in ${listText(configs)}`).join('; ')}`;
}

/** "🔧 autofix", "💡 suggestions", both, or "no autofix". */
export function fixNotice(meta, { short = false } = {}) {
  const parts = [];
  if (meta.fixable) parts.push(short ? '🔧' : '🔧 autofix');
  if (meta.hasSuggestions) parts.push(short ? '💡' : '💡 suggestions');
  if (parts.length === 0) return short ? '' : 'no autofix';
  return parts.join(short ? ' ' : ', ');
}

/** "💭 type-aware, works without types", "💭 types only", or "syntactic". */
export function typeNotice(meta, { short = false } = {}) {
  if (meta.requiresTypes) return short ? '💭 types only' : '💭 needs type information: reports nothing without it';
  if (short) return meta.typeAware ? '💭' : '';
  return meta.typeAware ? '💭 uses type information when available, works without it' : 'syntactic: no type information needed';
}

/** What `eslint --cache` means for the rule: safe, safe without types, or stale when other files change. */
export function cacheNotice(meta, { short = false } = {}) {
  if (meta.readsOtherFiles === 'never') return short ? 'safe' : 'Safe with `eslint --cache`: the rule reads the file alone';
  if (meta.readsOtherFiles === 'with-types') {
    return short
      ? 'untyped'
      : 'Safe with `eslint --cache` without type information; with it, the rule reads types other files declare, and a cached result goes stale when only they change';
  }
  return short
    ? 'no'
    : `Not safe with \`eslint --cache\`: the rule reads ${meta.otherFilesRead}, and a cached result goes stale when only they change`;
}

/** The legend printed above a rules table, a line each. */
export const LEGEND = [
  'configs: the severity in `recommended` and `recommended-type-checked` (— when a rule is only in the strict configs); `strict` and `strict-type-checked` set every rule to `error`, with its strictest options',
  "🔧 autofix by `eslint --fix` and the editor's quick fix · 💡 suggestions, never applied automatically",
  '💭 uses type information when it is available, and works without it (💭 types only: reports nothing without it)',
  '`--cache`: safe (the rule reads the file alone) · untyped (safe without type information; typed, it reads types other files declare) · no (it reads other files: see its page)',
];
