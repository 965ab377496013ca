import type * as ts from 'typescript';

import { defineContract } from '../define-contract';
import { DEFINE_NAME, getConfigTypeModel } from '../engine/config-type';
import { dedent } from '../engine/dedent';
import { functionNameOf } from '../engine/syntax';

const messages = {
  notConfig:
    '`{{name}}` has the config prefix `define` but returns `{{type}}`, which is not config settings. Return settings (`QPQConfigSetting`, arrays of them, `QPQConfig`), or name it `create…` or `build…`.',
};

/** The framework's prefix for functions that build config settings. */

export const defineReturnsConfig = defineContract({
  meta: {
    id: 'define-returns-config',
    diagnosticCode: 990012,
    description: 'Reserve the `define` prefix for config: a function named `define*` returns config settings and nothing else.',
    rationale:
      "A qpq service's config is built from `define*` functions, each returning settings (`QPQConfigSetting`, arrays of them, or a whole `QPQConfig`) that the framework reads at build and deploy time. The prefix tells a reader, and tools such as the runtime-reference checks, that a call belongs in a config array. The framework's convention reserves it: helpers that build live objects (reducers, clients, constructs) are `create*` or `build*`, so that a `define*` call is always safe to put in a config.",
    type: 'suggestion',
    recommended: 'error',
    fixable: false,
    hasSuggestions: false,
    typeAware: true,
    requiresTypes: true,
    behaviourWithoutTypes:
      'Needs type information: without it nothing is reported, since a name alone cannot show what a function returns. With types, every function literal named `define*` (declarations, functions and arrows bound to a name, methods) is judged by its return type, declared or inferred: config settings are types with `configSettingType` and `uniqueKey`, arrays and tuples of config items at any depth, and `never`; `any`, `unknown` and unconstrained type parameters are left alone.',
    readsOtherFiles: 'with-types',
    messages,
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  examples: {
    valid: [
      {
        note: 'Settings, groups of settings and whole configs.',
        code: dedent`
          import { defineQueue, QPQConfig, QPQConfigSetting } from 'quidproquo-core';

          export interface FeatureFlagsSetting extends QPQConfigSetting {
            flags: string[];
          }
          export function defineFeatureFlags(flags: string[]): FeatureFlagsSetting {
            return { configSettingType: 'todo/featureFlags', uniqueKey: 'featureFlags', flags };
          }
          export const defineTodoQueues = (): QPQConfig => [defineQueue('todo-jobs', { clean: '/jobs::onClean' }), defineFeatureFlags([])];
          export const defineNothing = () => [];
        `,
      },
      {
        note: "When the framework's types cannot be resolved (its package is not installed), a setting type that extends them gets no verdict.",
        code: dedent`
          import { QPQConfigSetting } from 'quidproquo-not-installed';

          export interface ApiSetting extends QPQConfigSetting {
            apiName: string;
          }
          export const defineApi = (apiName: string): ApiSetting => ({ configSettingType: 'api', uniqueKey: apiName, apiName });
        `,
      },
      {
        note: 'Helpers that build live objects have their own prefixes.',
        code: dedent`
          export function createTodoClient(baseUrl: string) {
            return { list: () => fetch(\`\${baseUrl}/todos\`) };
          }
        `,
      },
    ],
    invalid: [
      {
        note: 'Live objects, plain values and promises are not config.',
        code: dedent`
          import { QPQConfigSetting } from 'quidproquo-core';

          export function defineTodoReducer() {
            return (state: string[], todo: string) => [...state, todo];
          }
          export const defineTableName = (service: string) => \`\${service}-todos\`;
          export async function defineRemoteSettings(): Promise<QPQConfigSetting[]> {
            return [];
          }
        `,
        typed: true,
        findings: [
          { messageId: 'notConfig', line: 3, column: 17 },
          { messageId: 'notConfig', line: 6, column: 14 },
          { messageId: 'notConfig', line: 7, column: 23 },
        ],
      },
      {
        note: 'A config with something else mixed in is not config either.',
        code: dedent`
          import { defineQueue } from 'quidproquo-core';

          export const defineTodoJobs = (onError: () => void) => [defineQueue('todo-jobs', { clean: '/jobs::onClean' }), onError];
        `,
        typed: true,
        findings: [{ messageId: 'notConfig', line: 3, column: 14 }],
      },
    ],
  },

  check(context) {
    const { checker, sourceFile } = context;
    // Only types show what a function returns: no verdict by name alone.
    // A text gate that `undefined` does not pass: a define* name is `define` and a capital, digit or `_`.
    if (!checker || !/define[A-Z0-9_]/.test(sourceFile.text)) return;
    const tsm = context.ts;
    const model = getConfigTypeModel(tsm, checker);
    for (const { node } of context.index.functions) {
      // Implementations only: an overload or an ambient declaration has no body to judge.
      if (!(node as ts.FunctionLikeDeclarationBase).body || tsm.isConstructorDeclaration(node)) continue;
      const named = functionNameOf(tsm, node);
      if (!named || !DEFINE_NAME.test(named.text)) continue;
      const signature = checker.getSignatureFromDeclaration(node as ts.SignatureDeclaration);
      if (!signature) continue;
      const returned = checker.getReturnTypeOfSignature(signature);
      if (model.isConfig(returned) !== 'no') continue;
      context.report('notConfig', named.node, { name: named.text, type: shortType(checker.typeToString(returned)) });
    }
  },
});

function shortType(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
