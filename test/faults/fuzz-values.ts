import fc from 'fast-check';
import type { JsonSchema, OpenApiDoc, Pools } from './openapi-fuzz.js';

/** The values in a fuzzed request (./openapi-fuzz.ts): derived from the document's schemas, and mutated. */

// --- values from a schema ---------------------------------------------------------------------------------

/**
 * A value the schema accepts, or nearly: `strict`, one the product should accept too (plausible strings only);
 * otherwise also any string the schema allows, which the product's own checks may refuse.
 */
export function valueOf(
  schema: JsonSchema | undefined,
  doc: OpenApiDoc,
  pools: Pools,
  strict: boolean,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const ref = schema.$ref as string | undefined;
  if (ref) {
    const target = doc.components?.schemas?.[ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`unresolved ${ref}`);
    return valueOf(target, doc, pools, strict, name, depth + 1);
  }
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueOf(s, doc, pools, strict, name, depth + 1)));
  if (schema.allOf) return valueOf((schema.allOf as JsonSchema[])[0], doc, pools, strict, name, depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = ([] as unknown[]).concat(schema.type ?? []) as string[];
  const nullable = schema.nullable === true || types.includes('null');
  const type = types.find((t) => t !== 'null');
  if (nullable && !type && types.length) return fc.constant(null);
  const value = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'object': {
        const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, sub] of Object.entries(properties))
          model[key] = valueOf(sub, doc, pools, strict, key, depth + 1);
        return fc.record(model, { requiredKeys: ((schema.required ?? []) as string[]).filter((k) => k in model) });
      }
      case 'array': {
        const items = valueOf(schema.items as JsonSchema | undefined, doc, pools, strict, name, depth + 1);
        return fc.array(items, {
          minLength: (schema.minItems as number | undefined) ?? 0,
          maxLength: (schema.maxItems as number | undefined) ?? 4,
        });
      }
      case 'integer':
        return fc.integer({
          min: (schema.minimum as number | undefined) ?? -1000,
          max: (schema.maximum as number | undefined) ?? 1000,
        });
      case 'number':
        return fc.double({
          min: (schema.minimum as number | undefined) ?? -1000,
          max: (schema.maximum as number | undefined) ?? 1000,
          noNaN: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'string':
        return stringOf(schema, pools, name, strict);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
}

/** Strings the product takes, by the property's name; `odd`: ones it should refuse with a 400 or 422. */
const plausible: Record<string, fc.Arbitrary<string>> = {
  email: fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,5})?@[a-z0-9]{1,10}\.(fr|nl|com|example)$/),
  phone: fc.constantFrom('+33 6 12 34 56 78', '+32470123456', '0031 6 12345678', ''),
  country: fc.constantFrom('FR', 'be', 'NL', ''),
  text: fc.stringMatching(/^[A-Z][a-z]{1,10}([ '-][A-Z][a-z]{1,10})?$/),
  password: fc.stringMatching(/^[A-Za-z0-9!?]{12,24}$/),
  token: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  date: fc.integer({ min: 3_600_000, max: 29 * 86_400_000 }).map((ms) => new Date(Date.now() + ms).toISOString()),
  kind: fc.constantFrom('domain', 'hosting', 'server', 'vps'),
};
const odd: Record<string, fc.Arbitrary<string>> = {
  email: fc.oneof(fc.emailAddress(), fc.constantFrom('a@b', '@x.fr', 'a b@c.fr', 'x'.repeat(250) + '@a.fr')),
  phone: fc.constantFrom('0612345678', '+1', '+33 6', '++33612345678', '+33 6 12 34 56 78 90 12 34'),
  country: fc.constantFrom('XX', 'FRA', 'F', '12'),
  date: fc.integer({ min: -86_400_000, max: 60 * 86_400_000 }).map((ms) => new Date(Date.now() + ms).toISOString()),
};

function stringOf(schema: JsonSchema, pools: Pools, name: string, strict: boolean): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = Math.min((schema.maxLength as number | undefined) ?? 40, 300);
  const hinted = ((): fc.Arbitrary<string> => {
    if (schema.format === 'date-time' || /At$/.test(name)) return plausible.date!;
    if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern as string));
    if (name === 'email' || schema.format === 'email') return plausible.email!;
    if (
      name === 'to' ||
      name === 'billingContact' ||
      name === 'handle' ||
      ['admin', 'tech', 'billing'].includes(name)
    ) {
      return fc.constantFrom(...pools.handles);
    }
    if (name === 'ownerId') return fc.constantFrom(...pools.ids);
    if (/password/i.test(name)) return plausible.password!;
    return plausible[name] ?? plausible.text!;
  })();
  if (strict) return hinted.map((v) => v.slice(0, maxLength)).filter((v) => v.length >= minLength);
  const loose = [
    fc.string({ minLength, maxLength }),
    ...(odd[name] ? [odd[name]] : []),
    ...(name === 'date' || /At$/.test(name) ? [odd.date!] : []),
  ];
  return fc.oneof({ arbitrary: hinted, weight: 3 }, ...loose.map((arbitrary) => ({ arbitrary, weight: 1 })));
}

// --- mutations --------------------------------------------------------------------------------------------

const hugeString = 'x'.repeat(100_000);

/** Values that break a schema, or a database, or a parser that trusts its input. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom<unknown>(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\uffff',
    '\u202e',
    '💥'.repeat(50),
    hugeString,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.1,
    true,
    null,
    [],
    {},
    [[[[[[[[[[]]]]]]]]]],
    { $ne: null },
    '1 OR 1=1',
    "'; drop table accounts; --",
    '../../etc/passwd',
    '%00',
    '${7*7}',
    '<script>alert(1)</script>',
    'null',
    'undefined',
    'NaN',
    '1970-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2024-02-30T00:00:00Z',
  ),
);

export function mutate(value: unknown): fc.Arbitrary<unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    const ops: fc.Arbitrary<unknown>[] = [
      fc.tuple(fc.string({ maxLength: 20 }), oddValue).map(([k, v]) => ({ ...object, [k]: v })),
      fc.constant({ ...object, ['__proto__']: { admin: true } }),
      fc.constant({ ...object, constructor: { prototype: { admin: true } } }),
      oddValue,
    ];
    if (keys.length) {
      ops.push(
        fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(object).filter(([key]) => key !== k))),
        fc.tuple(fc.constantFrom(...keys), oddValue).map(([k, v]) => ({ ...object, [k]: v })),
        fc.constantFrom(...keys).chain((k) => mutate(object[k]).map((v) => ({ ...object, [k]: v }))),
      );
    }
    return fc.oneof(...ops);
  }
  if (Array.isArray(value)) {
    return fc.oneof(
      oddValue,
      fc.tuple(fc.array(oddValue, { maxLength: 3 })).map(([extra]) => [...value, ...extra]),
      fc.constant(Array.from({ length: 1000 }, () => value[0] ?? 'x')),
    );
  }
  if (typeof value === 'string') {
    return fc.oneof(
      oddValue,
      fc.constantFrom(value.toUpperCase(), ` ${value} `, `${value}\u0000`, value.repeat(50), `${value}\n`),
    );
  }
  return oddValue;
}
