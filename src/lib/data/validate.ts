/**
 * A small JSON Schema checker for the subset `schema.ts` uses (type, enum, const, required,
 * properties, additionalProperties, items, minItems, minimum, pattern, oneOf). The app runs it
 * on every dataset it loads: no code generation, no eval, so it works under a strict
 * Content-Security-Policy. It returns the first problem as words, or null.
 */

interface Schema {
  type?: string;
  enum?: readonly unknown[];
  const?: unknown;
  required?: readonly string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  minItems?: number;
  minimum?: number;
  pattern?: string;
  oneOf?: readonly Schema[];
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : typeOf(value) === 'object' ? 'an object' : typeOf(value) === 'array' ? 'a list' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeMatches(type: string, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeOf(value) === type;
}

/** Each pattern compiled once: a dataset has thousands of strings to test. */
const patterns = new Map<string, RegExp>();
function matches(pattern: string, value: string): boolean {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern)));
  return re.test(value);
}

/** Where a value is, as `dataset.documents[0].id`: built only when there is a problem. */
function where(at: readonly (string | number)[]): string {
  return at.map((key, i) => (i === 0 ? key : typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
}

export function schemaProblem(schema: Schema, value: unknown, path = 'dataset'): string | null {
  return check(schema, value, [path]);
}

/** `at` is the path to `value`, pushed and popped as the check walks down. */
function check(schema: Schema, value: unknown, at: (string | number)[]): string | null {
  if (schema.oneOf) {
    // An option of another type fails at once: no need to word why.
    const matching = schema.oneOf.filter(
      (option) =>
        (option.type === undefined || typeMatches(option.type, value)) &&
        check(option, value, at) === null,
    );
    if (matching.length === 1) return null;
    // Report against the option of the value's own type, the most telling one.
    const closest = schema.oneOf.find((o) => o.type === typeOf(value) || (o.type === undefined && typeOf(value) !== 'null'));
    return (closest && check(closest, value, at)) ?? `${where(at)}: ${show(value)} has the wrong type`;
  }
  if ('const' in schema && value !== schema.const) return `${where(at)}: ${show(value)} should be ${show(schema.const)}`;
  if (schema.enum && !schema.enum.includes(value)) {
    return `${where(at)}: unknown value ${show(value)} (expected one of ${schema.enum.join(', ')})`;
  }
  if (schema.type && !typeMatches(schema.type, value)) {
    const expected = schema.type === 'array' ? 'a list' : /^[aeiou]/.test(schema.type) ? `an ${schema.type}` : `a ${schema.type}`;
    return `${where(at)}: ${show(value)} should be ${expected}`;
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
    return `${where(at)}: ${value} is below ${schema.minimum}`;
  }
  if (typeof value === 'string' && schema.pattern && !matches(schema.pattern, value)) {
    return `${where(at)}: ${show(value)} is not in the expected form`;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      return `${where(at)}: needs at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`;
    }
    if (schema.items) {
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        const problem = check(schema.items, value[i], at);
        at.pop();
        if (problem) return problem;
      }
    }
  } else if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in object)) return `${where(at)}: the field "${key}" is missing`;
    }
    for (const key in object) {
      const childSchema = schema.properties?.[key];
      if (!childSchema) {
        if (schema.additionalProperties === false) return `${where(at)}: unexpected field "${key}"`;
        continue;
      }
      at.push(key);
      const problem = check(childSchema, object[key], at);
      at.pop();
      if (problem) return problem;
    }
  }
  return null;
}
