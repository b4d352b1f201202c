import { z } from 'zod';
import { COLLECTIONS, type CollectionName } from './replication.ts';

/**
 * The desk's RxDB schemas, derived from the zod document schemas so the two never drift.
 * RxDB wants `type: ['string','null']` rather than `anyOf`, a `maxLength` on every indexed
 * string and `minimum/maximum/multipleOf` on every indexed number; this adds exactly that.
 */

type Json = { [key: string]: unknown };

export type RxSchemaLike = {
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, Json>;
  required: string[];
  indexes: (string | string[])[];
  additionalProperties: false;
};

/**
 * Indexes chosen so that the desk's common lists sort ascending (Dexie reads a whole index range
 * for a descending sort). Bump `version` and add a migration strategy in the renderer when an
 * index or field changes.
 */
const INDEXES: Record<CollectionName, (string | string[])[]> = {
  complaints: ['referenceNumber', ['status', 'createdAt'], 'updatedAt'],
  events: [['complaintId', 'at']],
  hospitals: ['code'],
  departments: ['hospitalId'],
  staff: ['username'],
  sources: ['code'],
  slaConfigs: ['hospitalId'],
  escalationRules: ['hospitalId'],
  calendars: ['hospitalId'],
  notifications: [['userId', 'createdAt']],
  categories: ['hospitalId'],
};
export const SCHEMA_VERSION = 0;

function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const obj = { ...(node as Json) };
  delete obj.$schema;
  const anyOf = obj.anyOf as Json[] | undefined;
  if (anyOf && anyOf.length === 2 && anyOf.some((s) => s.type === 'null')) {
    const other = anyOf.find((s) => s.type !== 'null') ?? {};
    delete obj.anyOf;
    const merged = simplify({ ...other, ...obj }) as Json;
    const t = merged.type;
    // A nullable enum must list null too, or a JSON-schema validator refuses the null.
    const withNull = Array.isArray(merged.enum) ? { enum: [...merged.enum, null] } : {};
    return { ...merged, ...withNull, type: Array.isArray(t) ? [...t, 'null'] : [t, 'null'] };
  }
  for (const [k, v] of Object.entries(obj)) obj[k] = simplify(v);
  return obj;
}

function indexable(prop: Json): Json {
  if (prop.type === 'string' && prop.maxLength === undefined) {
    const longest = Array.isArray(prop.enum) ? Math.max(...prop.enum.map((e) => String(e).length)) : 100;
    return { ...prop, maxLength: longest };
  }
  if (prop.type === 'integer' || prop.type === 'number') {
    return { ...prop, minimum: prop.minimum ?? 0, maximum: prop.maximum ?? Number.MAX_SAFE_INTEGER, multipleOf: 1 };
  }
  return prop;
}

export function rxSchemaFor(name: CollectionName): RxSchemaLike {
  const json = simplify(z.toJSONSchema(COLLECTIONS[name], { io: 'output' })) as Json;
  const properties = { ...(json.properties as Record<string, Json>) };
  const indexes = INDEXES[name];
  for (const field of indexes.flat()) {
    const prop = properties[field];
    if (!prop) throw new Error(`index on unknown field ${name}.${field}`);
    properties[field] = indexable(prop);
  }
  return {
    version: SCHEMA_VERSION,
    primaryKey: 'id',
    type: 'object',
    properties,
    required: json.required as string[],
    indexes,
    additionalProperties: false,
  };
}
