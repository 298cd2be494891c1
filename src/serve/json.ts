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
 * Writes `value` as JSON.stringify(sortKeys(value)) would, without building the sorted copy:
 * a batch extract writes a record per article, and the copy was most of the cost of writing it.
 * Plain data only (what records and API bodies hold): no toJSON, Maps or class instances.
 */
function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    // undefined, functions and symbols stand as null inside arrays, like JSON.stringify
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      write(value[i], out);
    }
    out.push(']');
    return;
  }
  const obj = value as Record<string, unknown>;
  out.push('{');
  let first = true;
  for (const k of keyOrder(obj)) {
    const v = obj[k];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out.push(first ? '' : ',', JSON.stringify(k), ':');
    first = false;
    write(v, out);
  }
  out.push('}');
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
function keyOrder(obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj).sort();
  if (!keys.some(isIndexKey)) return keys;
  return [...keys.filter(isIndexKey).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndexKey(k))];
}

export function stableStringify(value: unknown, indent?: number): string {
  if (indent !== undefined || value === undefined) return JSON.stringify(sortKeys(value), null, indent);
  const out: string[] = [];
  write(value, out);
  return out.join('');
}
