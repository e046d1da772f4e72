import { schemaProblem, type Schema } from './validate.ts';

/**
 * A yes/no check against the same schema as `schemaProblem`, for values parsed from JSON: the
 * documents of a corpus, thousands of sentences of a few dozen values each. Each part of the
 * schema that a document is made of (a text, a whole number, a list, an object with every field
 * required and no other, one of a few values, one of two shapes) becomes a test of its own
 * kind, which a browser runs faster than `schemaProblem`'s one general check for every part;
 * any other part is tested by `schemaProblem` itself. It words nothing: a document that fails
 * is checked again by `schemaProblem`, which names the problem. Loaded with the corpus code.
 */

type Test = (value: unknown) => boolean;

const tests = new WeakMap<Schema, Test>();

/** The test of `schema`, made once. */
export function schemaTest(schema: Schema): Test {
  let test = tests.get(schema);
  if (!test) tests.set(schema, (test = compile(schema)));
  return test;
}

/** The keys of `schema` that say what a value must be (all but its description), in order. */
const kinds = (schema: Schema) =>
  Object.keys(schema)
    .filter((key) => key !== 'description')
    .sort()
    .join(' ');

function compile(schema: Schema): Test {
  const { type, pattern, minimum, minItems, items, enum: values, properties, required = [] } = schema;
  switch (kinds(schema)) {
    case 'type':
      if (type === 'string') return (value) => typeof value === 'string';
      if (type === 'null') return (value) => value === null;
      if (type === 'integer') return (value) => Number.isInteger(value);
      break;
    case 'pattern type':
      if (type === 'string') {
        const re = new RegExp(pattern!);
        return (value) => typeof value === 'string' && re.test(value);
      }
      break;
    case 'minimum type':
      if (type === 'integer') return (value) => Number.isInteger(value) && (value as number) >= minimum!;
      break;
    case 'enum': {
      // A value of the list passes every other part of this schema: it has none.
      const allowed = new Set(values);
      return (value) => allowed.has(value);
    }
    case 'items type':
    case 'items minItems type':
      if (type === 'array') {
        const item = schemaTest(items!);
        const least = minItems ?? 0;
        return (value) => {
          if (!Array.isArray(value) || value.length < least) return false;
          for (let i = 0; i < value.length; i++) if (!item(value[i])) return false;
          return true;
        };
      }
      break;
    case 'additionalProperties properties required type': {
      const keys = Object.keys(properties!);
      // Every field required and no other, none named like what every object inherits: a
      // value with as many fields as the schema, each of them present, has no other.
      if (
        type === 'object' &&
        schema.additionalProperties === false &&
        required.length === keys.length &&
        keys.every((key) => required.includes(key) && !(key in Object.prototype))
      ) {
        const fields = keys.map((key) => schemaTest(properties![key]));
        return (value) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const object = value as Record<string, unknown>;
          let count = 0;
          // Counted, not listed: Object.keys would make a list for each of the values.
          // eslint-disable-next-line @typescript-eslint/no-unused-vars
          for (const key in object) count++;
          if (count !== keys.length) return false;
          for (let i = 0; i < keys.length; i++) {
            if (!(keys[i] in object) || !fields[i](object[keys[i]])) return false;
          }
          return true;
        };
      }
      break;
    }
    case 'oneOf': {
      // The option's own type is part of its test: no need to match the type first.
      const options = schema.oneOf!.map(schemaTest);
      return (value) => {
        let matching = 0;
        for (const test of options) if (test(value)) matching++;
        return matching === 1;
      };
    }
  }
  return (value) => schemaProblem(schema, value) === null;
}
