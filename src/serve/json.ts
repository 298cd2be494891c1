// Deterministic JSON: object keys sorted, so equal data always gives byte-identical output.

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as Record<string, unknown>).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/**
 * A copy of `value` whose objects hold their keys in output order, for JSON.stringify to write.
 * Plain data only (what records and API bodies hold): no toJSON, Maps or class instances.
 * A batch extract writes a record per article. Writing it piece by piece in JavaScript cost more
 * than this copy plus the native JSON.stringify, which also hands back a flat string (a string
 * built of many `+` pieces is flattened again when it is written out). What made the copy slow
 * before was sorting every object's keys; the orders are now looked up by key list (orderOf).
 */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = sortedCopy(value[i]);
    return out;
  }
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of orderOf(Object.keys(obj))) {
    const v = obj[k];
    // left out as JSON.stringify would leave them out, so the copy's objects keep one shape
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    // an own "__proto__" key (JSON.parse makes them) is data: plain assignment would set the prototype
    if (k === '__proto__') Object.defineProperty(out, k, { value: sortedCopy(v), enumerable: true, writable: true, configurable: true });
    else out[k] = sortedCopy(v);
  }
  return out;
}

interface OrderNode {
  readonly next: Map<string, OrderNode>;
  order?: readonly string[];
}

/**
 * Output orders by key list, as a trie on the keys in enumeration order. Records are built from a
 * few dozen object shapes, so almost every object finds its order here and is not sorted again;
 * walking the trie looks up keys V8 has already hashed and allocates nothing.
 */
const orders: OrderNode = { next: new Map() };
/** Data keyed by arbitrary strings (ids, names) would grow the trie without end: it stops here. */
const MAX_ORDER_NODES = 10_000;
let orderNodes = 0;

function orderOf(keys: readonly string[]): readonly string[] {
  let node = orders;
  for (const k of keys) {
    let child = node.next.get(k);
    if (child === undefined) {
      if (orderNodes >= MAX_ORDER_NODES) return keyOrder(keys);
      child = { next: new Map() };
      node.next.set(k, child);
      orderNodes++;
    }
    node = child;
  }
  return (node.order ??= keyOrder(keys));
}

const INDEX = /^(?:0|[1-9]\d*)$/;

/** An array-index key ("0", "17"), which objects enumerate before all others. */
function isIndexKey(k: string): boolean {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && INDEX.test(k) && Number(k) < 4294967295;
}

/**
 * Sorted, except that integer-like keys go first in numeric order: the order an object built
 * from sorted keys enumerates in (sortKeys' copy), so both ways give the same bytes.
 */
function keyOrder(keys: readonly string[]): string[] {
  const sorted = [...keys].sort();
  if (!sorted.some(isIndexKey)) return sorted;
  return [...sorted.filter(isIndexKey).sort((a, b) => Number(a) - Number(b)), ...sorted.filter((k) => !isIndexKey(k))];
}

export function stableStringify(value: unknown, indent?: number): string {
  if (indent !== undefined || value === undefined) return JSON.stringify(sortKeys(value), null, indent);
  // a function or symbol alone is written as null, as inside an array
  return JSON.stringify(sortedCopy(value)) ?? 'null';
}
