/**
 * Checks a value against the small JSON-schema subset rule options use (object, properties,
 * additionalProperties, type, enum, items, default). ESLint validates rule options itself; the
 * language-service plugin reads the same options from tsconfig and checks them with this.
 * Returns one message per problem, empty when the value fits.
 */
export function schemaProblems(schema: Record<string, unknown>, value: unknown, at = 'options'): string[] {
  const problems: string[] = [];
  const type = schema.type as string | string[] | undefined;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (!types.some((t) => matchesType(t, value))) return [`${at} should be ${types.join(' or ')}, not ${describe(value)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === value)) {
    problems.push(`${at} should be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(value)}`);
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === 'object') {
    value.forEach((item, i) => problems.push(...schemaProblems(schema.items as Record<string, unknown>, item, `${at}[${i}]`)));
  }
  if (isPlainObject(value)) {
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [key, item] of Object.entries(value)) {
      if (key in properties) problems.push(...schemaProblems(properties[key], item, `${at}.${key}`));
      else if (schema.additionalProperties === false) {
        const known = Object.keys(properties);
        problems.push(`${at}.${key} is not an option${known.length ? ` (options: ${known.join(', ')})` : ' (this rule has no options)'}`);
      }
    }
  }
  return problems;
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value);
}
