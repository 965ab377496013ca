import { isAlias, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';

/** The shapes annotation values take: a small, hand-written subset of what JSON schemas say. */
export type Shape =
  | { type: 'string'; startsWith?: string }
  | { type: 'integer'; minimum: number }
  | { type: 'number'; minimum: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'list'; items: Shape }
  | { type: 'object'; keys: Readonly<Record<string, { shape: Shape; required?: boolean }>> }
  /** Any mapping of plain values (schedule metadata). */
  | { type: 'mapping' };

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

const text: Shape = { type: 'string' };
const texts: Shape = { type: 'list', items: text };

/** The kinds of annotation and their keys: what `defineRoute` and friends in the reference runtime accept. */
export const KINDS = {
  route: {
    type: 'object',
    keys: {
      method: { shape: { type: 'enum', values: HTTP_METHODS }, required: true },
      path: { shape: { type: 'string', startsWith: '/' }, required: true },
      auth: {
        shape: {
          type: 'object',
          keys: {
            userDirectoryName: { shape: text },
            applicationName: { shape: text },
            serviceName: { shape: text },
            scopes: { shape: texts },
          },
        },
      },
      allowedOrigins: { shape: texts },
    },
  },
  queue: {
    type: 'object',
    keys: {
      name: { shape: text, required: true },
      eventType: { shape: text, required: true },
      options: {
        shape: {
          type: 'object',
          keys: {
            batchSize: { shape: { type: 'integer', minimum: 1 } },
            batchWindowInSeconds: { shape: { type: 'number', minimum: 0 } },
            concurrency: { shape: { type: 'integer', minimum: 1 } },
            maxTries: { shape: { type: 'integer', minimum: 0 } },
          },
        },
      },
    },
  },
  schedule: {
    type: 'object',
    keys: {
      cron: { shape: text, required: true },
      options: { shape: { type: 'object', keys: { metadata: { shape: { type: 'mapping' } } } } },
    },
  },
  deployEvent: { type: 'object', keys: { name: { shape: text, required: true } } },
} as const satisfies Record<string, Shape>;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export interface SchemaProblem {
  message: string;
  /** Offset in the YAML text of the node the problem is about. */
  offset: number;
}

/** A plain value read from YAML: what the generated config prints. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/**
 * Checks a YAML node against a shape and returns its plain value, keys in the shape's order
 * (so the generated code does not depend on the order they were written in).
 */
export function readShape(
  node: YamlNode | null,
  shape: Shape,
  at: string,
  problems: SchemaProblem[],
  fallbackOffset: number,
): Plain | undefined {
  const offset = node?.range?.[0] ?? fallbackOffset;
  if (isAlias(node)) return aliasProblem(node, at, problems, offset);
  const wrong = (expected: string) => {
    problems.push({ message: `${at} should be ${expected}, not ${describe(node)}`, offset });
    return undefined;
  };
  switch (shape.type) {
    case 'string': {
      if (!isScalar(node) || typeof node.value !== 'string') return wrong('a string');
      if (shape.startsWith && !node.value.startsWith(shape.startsWith)) {
        problems.push({ message: `${at} should start with '${shape.startsWith}', not ${JSON.stringify(node.value)}`, offset });
        return undefined;
      }
      return node.value;
    }
    case 'integer':
    case 'number': {
      const value = isScalar(node) ? node.value : undefined;
      const fits = typeof value === 'number' && Number.isFinite(value) && (shape.type === 'number' || Number.isInteger(value));
      if (!fits || value < shape.minimum)
        return wrong(`${shape.type === 'integer' ? 'an integer' : 'a number'} of at least ${shape.minimum}`);
      return value;
    }
    case 'enum': {
      if (!isScalar(node) || typeof node.value !== 'string' || !shape.values.includes(node.value))
        return wrong(`one of ${shape.values.join(', ')}`);
      return node.value;
    }
    case 'list': {
      if (!isSeq(node)) return wrong('a list');
      const items = node.items.map((item, i) => readShape(item as YamlNode | null, shape.items, `${at}[${i}]`, problems, offset));
      return items.every((i) => i !== undefined) ? (items as Plain[]) : undefined;
    }
    case 'mapping': {
      if (!isMap(node)) return wrong('a mapping');
      const value = plainValue(node, at, problems, offset);
      return value;
    }
    case 'object': {
      if (!isMap(node)) return wrong('a mapping');
      const given = new Map<string, YamlNode | null>();
      let ok = true;
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        const keyOffset = key?.range?.[0] ?? offset;
        if (!isScalar(key) || typeof key.value !== 'string') {
          problems.push({ message: `${at} has a key that is not a name (${describe(key)})`, offset: keyOffset });
          ok = false;
        } else if (!(key.value in shape.keys)) {
          problems.push({
            message: `unknown key '${key.value}' in ${at} (keys: ${Object.keys(shape.keys).join(', ')})`,
            offset: keyOffset,
          });
          ok = false;
        } else {
          given.set(key.value, pair.value as YamlNode | null);
        }
      }
      const result: Record<string, Plain> = {};
      for (const [key, { shape: keyShape, required }] of Object.entries(shape.keys)) {
        if (!given.has(key)) {
          if (required) {
            problems.push({ message: `${at} needs '${key}'`, offset });
            ok = false;
          }
          continue;
        }
        const value = readShape(given.get(key) ?? null, keyShape, `${at}.${key}`, problems, offset);
        if (value === undefined) ok = false;
        else result[key] = value;
      }
      return ok ? result : undefined;
    }
  }
}

/** Any YAML value as plain data; numbers must be finite so the generated code can print them. */
function plainValue(node: YamlNode | null, at: string, problems: SchemaProblem[], fallbackOffset: number): Plain | undefined {
  const offset = node?.range?.[0] ?? fallbackOffset;
  if (node === null) return null;
  if (isAlias(node)) return aliasProblem(node, at, problems, offset);
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    problems.push({ message: `${at} should be a plain value (text, a finite number, true, false or null), not ${describe(node)}`, offset });
    return undefined;
  }
  if (isSeq(node)) {
    const items = node.items.map((item, i) => plainValue(item as YamlNode | null, `${at}[${i}]`, problems, offset));
    return items.every((i) => i !== undefined) ? (items as Plain[]) : undefined;
  }
  if (isMap(node)) {
    const result: Record<string, Plain> = {};
    let ok = true;
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
        problems.push({ message: `${at} has a key that is not a name (${describe(key)})`, offset: key?.range?.[0] ?? offset });
        ok = false;
        continue;
      }
      const value = plainValue(pair.value as YamlNode | null, `${at}.${key.value}`, problems, offset);
      if (value === undefined) ok = false;
      else result[String(key.value)] = value;
    }
    return ok ? result : undefined;
  }
  problems.push({ message: `${at} should be a plain value, not ${describe(node)}`, offset });
  return undefined;
}

// An annotation is read on its own, and one value written out is clearer than an anchor to look up.
function aliasProblem(node: YamlNode, at: string, problems: SchemaProblem[], offset: number): undefined {
  const name = isAlias(node) ? node.source : '';
  problems.push({ message: `${at} is the YAML alias *${name}: write the value out (annotations do not use anchors and aliases)`, offset });
  return undefined;
}

/** How a YAML value reads in a message. */
export function describe(node: YamlNode | null | undefined): string {
  if (node === null || node === undefined) return 'empty';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'empty';
    if (typeof node.value === 'number' && !Number.isFinite(node.value)) return String(node.value);
    return JSON.stringify(node.value) ?? String(node.value);
  }
  return 'an alias';
}
