import type { Contract } from 'qpq-contracts';
import { schemaProblems } from 'qpq-contracts';

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
 *   { "name": "qpq-ts-plugin", "typeAware": true, "timings": false,
 *     "rules": { "require-yield-star": "warning", "pure-stories": ["error", { ... }] } }
 * Rules default to their recommended severity ("warn" shows as a warning). Anything unknown or
 * malformed is reported through `problems` and ignored; it never stops the plugin.
 */
export function readSettings(config: unknown, contracts: readonly Contract[]): { settings: PluginSettings; problems: string[] } {
  const problems: string[] = [];
  const rules = new Map<string, RuleSetting>();
  for (const contract of contracts) rules.set(contract.meta.id, { severity: defaultSeverity(contract), options: undefined });
  const settings: PluginSettings = { typeAware: true, timings: false, rules };
  if (config === undefined || config === null) return { settings, problems };
  if (typeof config !== 'object' || Array.isArray(config)) {
    return { settings, problems: ['the plugin entry should be an object like { "name": "qpq-ts-plugin" }'] };
  }

  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    if (key === 'name') continue;
    if (key === 'typeAware') {
      if (typeof value === 'boolean') settings.typeAware = value;
      else problems.push(`"typeAware" should be true or false, not ${JSON.stringify(value)}`);
    } else if (key === 'timings') {
      if (typeof value === 'boolean') settings.timings = value;
      else problems.push(`"timings" should be true or false, not ${JSON.stringify(value)}`);
    } else if (key === 'rules') {
      readRules(value, contracts, rules, problems);
    } else {
      problems.push(`unknown option "${key}" (options: typeAware, rules, timings)`);
    }
  }
  return { settings, problems };
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
    const [severity, options] = Array.isArray(entry) ? entry : [entry, undefined];
    if (!SEVERITIES.includes(severity as Severity)) {
      problems.push(`rules["${rawId}"]: severity should be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}, not ${JSON.stringify(severity)}`);
      continue;
    }
    if (options !== undefined) {
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

function defaultSeverity(contract: Contract): Severity {
  if (contract.meta.recommended === 'error') return 'error';
  if (contract.meta.recommended === 'warn') return 'warning';
  return 'off';
}
