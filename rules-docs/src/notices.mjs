// What a rule page's header line and the rules tables say about a rule: the configs enabling it,
// its fixes and its use of type information, with eslint-doc-generator's emoji for each.
import { listText } from './markdown.mjs';

/** The plugin's configs: every rule with a `recommended` severity is in both, at that severity. */
export const CONFIGS = ['recommended', 'recommended-type-checked'];

/** `{ config: severity }` for each config that enables the rule. */
export function configSeverities(meta) {
  return meta.recommended ? Object.fromEntries(CONFIGS.map((config) => [config, meta.recommended])) : {};
}

/** The configs, e.g. "💼 `error` in `recommended` and `recommended-type-checked`". */
export function configsNotice(meta) {
  const bySeverity = new Map();
  for (const [config, severity] of Object.entries(configSeverities(meta))) {
    bySeverity.set(severity, [...(bySeverity.get(severity) ?? []), `\`${config}\``]);
  }
  if (bySeverity.size === 0) return '💼 not in any config: enable it by name';
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

/** The legend printed above a rules table, a line each. */
export const LEGEND = [
  `configs: the severity in \`${CONFIGS.join('` and `')}\` (— when a rule is enabled only by name)`,
  '🔧 autofix by `eslint --fix` and the editor\'s quick fix · 💡 suggestions, never applied automatically',
  '💭 uses type information when it is available, and works without it (💭 types only: reports nothing without it)',
];
