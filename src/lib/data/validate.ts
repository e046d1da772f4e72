/**
 * A small JSON Schema checker for the subset `schema.ts` uses (type, enum, const, required,
 * properties, additionalProperties, items, minItems, minimum, pattern, oneOf). The app runs it
 * on every dataset it loads: no code generation, no eval, so it works under a strict
 * Content-Security-Policy. It returns the first problem as words, or null.
 */

export interface Schema {
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

/** A value as an error message quotes it; never throws (an object's own toString may). */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : typeOf(value) === 'object' ? 'an object' : typeOf(value) === 'array' ? 'a list' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeMatches(type: string, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeOf(value) === type;
}

/** Where a value is, as `dataset.documents[0].id`: built only when there is a problem. */
function where(at: readonly (string | number)[]): string {
  return at.map((key, i) => (i === 0 ? key : typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
}

/** `at` is the path to `value`, pushed and popped as the check walks down. */
type Check = (value: unknown, at: (string | number)[]) => string | null;

/** Each schema turned into its check once: a corpus holds hundreds of thousands of values,
 * and a check that holds its schema's parts reads no schema object on the way. */
const compiled = new WeakMap<Schema, Check>();

export function schemaProblem(schema: Schema, value: unknown, path = 'dataset'): string | null {
  return checkOf(schema)(value, [path]);
}

function checkOf(schema: Schema): Check {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = compile(schema)));
  return check;
}

function compile(schema: Schema): Check {
  const { type, minimum, minItems, required = [], additionalProperties } = schema;
  if (schema.oneOf) {
    const options = schema.oneOf.map((option) => ({ type: option.type, check: checkOf(option) }));
    return (value, at) => {
      // An option of another type fails at once: no need to word why. Counted, not listed:
      // this runs for a few values of every sentence.
      let matching = 0;
      for (const option of options) {
        if ((option.type === undefined || typeMatches(option.type, value)) && option.check(value, at) === null) matching++;
      }
      if (matching === 1) return null;
      // Report against the option of the value's own type, the most telling one.
      const closest = options.find((o) => o.type === typeOf(value) || (o.type === undefined && typeOf(value) !== 'null'));
      return (closest && closest.check(value, at)) ?? `${where(at)}: ${show(value)} has the wrong type`;
    };
  }
  const hasConst = 'const' in schema;
  const allowed = schema.enum && new Set(schema.enum);
  const pattern = schema.pattern && new RegExp(schema.pattern);
  const items = schema.items && checkOf(schema.items);
  const properties = new Map(Object.entries(schema.properties ?? {}).map(([key, s]) => [key, checkOf(s)]));
  return (value, at) => {
    if (hasConst && value !== schema.const) return `${where(at)}: ${show(value)} should be ${show(schema.const)}`;
    if (allowed && !allowed.has(value)) {
      return `${where(at)}: unknown value ${show(value)} (expected one of ${schema.enum!.join(', ')})`;
    }
    if (type && !typeMatches(type, value)) {
      const expected = type === 'array' ? 'a list' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
      return `${where(at)}: ${show(value)} should be ${expected}`;
    }
    if (typeof value === 'number' && minimum !== undefined && value < minimum) {
      return `${where(at)}: ${value} is below ${minimum}`;
    }
    if (typeof value === 'string' && pattern && !pattern.test(value)) {
      return `${where(at)}: ${show(value)} is not in the expected form`;
    }
    if (Array.isArray(value)) {
      if (minItems !== undefined && value.length < minItems) {
        return `${where(at)}: needs at least ${minItems} item${minItems === 1 ? '' : 's'}`;
      }
      if (items) {
        for (let i = 0; i < value.length; i++) {
          at.push(i);
          const problem = items(value[i], at);
          at.pop();
          if (problem) return problem;
        }
      }
    } else if (typeOf(value) === 'object') {
      const object = value as Record<string, unknown>;
      for (const key of required) {
        if (!(key in object)) return `${where(at)}: the field "${key}" is missing`;
      }
      for (const key in object) {
        const check = properties.get(key);
        if (!check) {
          if (additionalProperties === false) return `${where(at)}: unexpected field "${key}"`;
          continue;
        }
        at.push(key);
        const problem = check(object[key], at);
        at.pop();
        if (problem) return problem;
      }
    }
    return null;
  };
}
