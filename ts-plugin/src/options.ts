import type { Contract, PresetName } from 'qpq-contracts';
import { PRESET_NAMES, presetRules, schemaProblems } from 'qpq-contracts';

export type Severity = 'error' | 'warning' | 'suggestion' | 'off';
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'suggestion', 'off'];

/** What one rule does in the editor. */
export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown> | undefined;
}

export interface PluginSettings {
  /** Use the program's type checker; off means the same name-based checks as untyped ESLint. */
  typeAware: boolean;
  /** Answer tsserver's `qpq/timings` command with the plugin's own time (benchmarks turn it on). */
  timings: boolean;
  rules: Map<string, RuleSetting>;
}

/**
 * Reads the plugin entry of tsconfig's `compilerOptions.plugins`:
 *   { "name": "qpq-ts-plugin", "preset": "strict", "typeAware": true, "timings": false,
 *     "rules": { "require-yield-star": "warning", "pure-stories": ["error", { ... }] } }
 * The preset (`recommended` by default) sets every rule's severity and options ("warn" shows as a
 * warning); `rules` changes single rules: a severity alone keeps the preset's options for the rule,
 * `[severity, options]` replaces them. Anything unknown or malformed is reported through
 * `problems` and ignored; it never stops the plugin.
 */
export function readSettings(config: unknown, contracts: readonly Contract[]): { settings: PluginSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: PluginSettings = { typeAware: true, timings: false, rules: presetSettings('recommended', contracts) };
  if (config === undefined || config === null) return { settings, problems };
  if (typeof config !== 'object' || Array.isArray(config)) {
    return { settings, problems: ['the plugin entry should be an object like { "name": "qpq-ts-plugin" }'] };
  }

  const entry = config as Record<string, unknown>;
  // The preset first, whatever the order of the keys: `rules` changes what it set.
  if ('preset' in entry) {
    if (PRESET_NAMES.includes(entry.preset as PresetName)) settings.rules = presetSettings(entry.preset as PresetName, contracts);
    else
      problems.push(`"preset" should be one of ${PRESET_NAMES.map((name) => `"${name}"`).join(', ')}, not ${JSON.stringify(entry.preset)}`);
  }
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'name' || key === 'preset') continue;
    if (key === 'typeAware') {
      if (typeof value === 'boolean') settings.typeAware = value;
      else problems.push(`"typeAware" should be true or false, not ${JSON.stringify(value)}`);
    } else if (key === 'timings') {
      if (typeof value === 'boolean') settings.timings = value;
      else problems.push(`"timings" should be true or false, not ${JSON.stringify(value)}`);
    } else if (key === 'rules') {
      readRules(value, contracts, settings.rules, problems);
    } else {
      problems.push(`unknown option "${key}" (options: preset, typeAware, rules, timings)`);
    }
  }
  return { settings, problems };
}

/** Every rule as a preset sets it; a rule the preset leaves out is off. */
function presetSettings(preset: PresetName, contracts: readonly Contract[]): Map<string, RuleSetting> {
  const fromPreset = presetRules(preset, contracts);
  const rules = new Map<string, RuleSetting>();
  for (const { meta } of contracts) {
    const set = fromPreset.get(meta.id);
    rules.set(
      meta.id,
      set ? { severity: set.severity === 'warn' ? 'warning' : 'error', options: set.options } : { severity: 'off', options: undefined },
    );
  }
  return rules;
}

function readRules(value: unknown, contracts: readonly Contract[], rules: Map<string, RuleSetting>, problems: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('"rules" should be an object mapping rule ids to a severity or [severity, options]');
    return;
  }
  for (const [rawId, entry] of Object.entries(value as Record<string, unknown>)) {
    const id = rawId.replace(/^qpq\//, '');
    const contract = contracts.find((c) => c.meta.id === id);
    if (!contract) {
      problems.push(`unknown rule "${rawId}" (rules: ${contracts.map((c) => c.meta.id).join(', ')})`);
      continue;
    }
    // A severity alone keeps the options the preset gave the rule, as ESLint keeps earlier ones.
    const given = Array.isArray(entry) && entry.length > 1;
    const [severity, options] = given ? entry : [Array.isArray(entry) ? entry[0] : entry, rules.get(id)?.options];
    if (!SEVERITIES.includes(severity as Severity)) {
      problems.push(
        `rules["${rawId}"]: severity should be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}, not ${JSON.stringify(severity)}`,
      );
      continue;
    }
    if (given && options !== undefined) {
      const optionProblems = schemaProblems(contract.meta.schema, options, `rules["${rawId}"] options`);
      if (optionProblems.length > 0) {
        problems.push(...optionProblems);
        rules.set(id, { severity: severity as Severity, options: undefined });
        continue;
      }
    }
    rules.set(id, { severity: severity as Severity, options: options as Record<string, unknown> | undefined });
  }
}
