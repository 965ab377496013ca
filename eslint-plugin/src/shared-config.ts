import type { ESLint, Linter } from 'eslint';

/**
 * The framework's shared ESLint config (`quidproquo-eslint-config`) registers a plugin of its own
 * under the same `qpq` name, and ESLint refuses two plugins of one name. This returns the shared
 * config array with this plugin in that place: every config object that registered the other
 * `qpq` plugin registers this one instead and keeps its settings of the rules this plugin has
 * (same ids: `qpq/require-yield-star`, `qpq/ask-prefix-generator-only`), and `ours` (the
 * recommended config) goes in just before the first of them, so the shared config's settings and
 * everything after it still win.
 */
export function replacePluginIn(
  shared: unknown,
  plugin: ESLint.Plugin & { rules: Record<string, unknown> },
  ours: Linter.Config,
): Linter.Config[] {
  const configs = (Array.isArray(shared) ? shared.flat(Infinity) : [shared]) as Linter.Config[];
  const result: Linter.Config[] = [];
  let placed = false;
  const dropped = new Set<string>();
  for (const config of configs) {
    const registered = config && typeof config === 'object' ? config.plugins?.qpq : undefined;
    if (!registered || registered === plugin) {
      result.push(config);
      continue;
    }
    if (!placed) {
      result.push(ours);
      placed = true;
    }
    const rules: Linter.RulesRecord = {};
    for (const [id, setting] of Object.entries(config.rules ?? {})) {
      if (id.startsWith('qpq/') && !(id.slice(4) in plugin.rules)) dropped.add(id);
      else rules[id] = setting!;
    }
    result.push({ ...config, plugins: { ...config.plugins, qpq: plugin }, ...(config.rules ? { rules } : {}) });
  }
  if (!placed) result.push(ours);
  if (dropped.size > 0) {
    console.warn(
      `eslint-plugin-qpq: the shared config's ${[...dropped].join(', ')} ${dropped.size > 1 ? 'are' : 'is'} not a rule of this plugin and left out`,
    );
  }
  return result;
}
