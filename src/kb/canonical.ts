// Deterministic JSON: sorted keys, no whitespace variance, so equal KBs export byte-identical.

function sortValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortValue);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortValue(x);
    }
    return out;
  }
  return v;
}

/** JSON with object keys sorted at every depth; `indent` as for JSON.stringify. */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortValue(value), null, indent);
}
