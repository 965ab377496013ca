import type { Contract } from 'qpq-contracts';
import { PRESET_NAMES } from 'qpq-contracts';

const SEVERITY = { enum: ['error', 'warning', 'suggestion', 'off'] };

/**
 * The JSON schema of the plugin's entry in tsconfig `compilerOptions.plugins`, built from each
 * rule's own options schema so editors can complete and check it. Shipped as options.schema.json.
 */
export function pluginOptionsSchema(contracts: readonly Contract[]): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  for (const { meta } of contracts) {
    const setting = {
      description: meta.description,
      oneOf: [SEVERITY, { type: 'array', prefixItems: [SEVERITY, meta.schema], minItems: 1, maxItems: 2, items: false }],
    };
    rules[meta.id] = setting;
    rules[`qpq/${meta.id}`] = setting;
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'qpq-ts-plugin options',
    description: 'The qpq-ts-plugin entry in tsconfig.json compilerOptions.plugins.',
    type: 'object',
    properties: {
      name: { const: 'qpq-ts-plugin' },
      preset: {
        enum: [...PRESET_NAMES],
        default: 'recommended',
        description:
          'The rule set to start from, as the ESLint configs of the same names: "recommended" (each rule at its recommended severity, default options) or "strict" (every rule at error, every option at its strictest). "rules" changes single rules from there.',
      },
      typeAware: {
        type: 'boolean',
        default: true,
        description: 'Use the type checker (stories recognised by type); false falls back to the ask* naming convention.',
      },
      timings: {
        type: 'boolean',
        default: false,
        description: "Answer tsserver's qpq/timings command with the plugin's own time on its last requests (for benchmarks).",
      },
      rules: {
        type: 'object',
        description: 'Per rule: a severity, or [severity, options] with the same options as the ESLint rule.',
        properties: rules,
        additionalProperties: false,
      },
    },
    required: ['name'],
    additionalProperties: false,
  };
}
