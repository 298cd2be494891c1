// Kysely compiles a query every time it runs one, and an ingest runs the same few queries for
// every document: compiling them was a tenth of an ingest. Here a query is built and compiled
// once by Kysely, with marker values where the values go, and then run with new values bound.
import type { CompiledQuery } from 'kysely';

/** A query compiled once: give it its values (in the markers' order) to run it again. */
export type Prepared = (values: readonly unknown[]) => CompiledQuery;

/**
 * Compiles `build(markers)` once, on first use. Rebinding is sound only if the compiled query
 * takes exactly the markers as its parameters, in order: checked, so a Kysely that compiled
 * them otherwise fails loudly here instead of binding values to the wrong places.
 */
export function prepare(arity: number, build: (markers: readonly string[]) => CompiledQuery): Prepared {
  let compiled: CompiledQuery | undefined;
  return (values) => {
    if (values.length !== arity) throw new Error(`the prepared query takes ${arity} values, not ${values.length}`);
    compiled ??= compileChecked(arity, build);
    return { ...compiled, parameters: values };
  };
}

function compileChecked(arity: number, build: (markers: readonly string[]) => CompiledQuery): CompiledQuery {
  const markers = Array.from({ length: arity }, (_, i) => `\u0000parley:${i}`);
  const compiled = build(markers);
  const p = compiled.parameters;
  if (p.length !== arity || markers.some((m, i) => p[i] !== m)) {
    throw new Error(`the compiled query does not take its ${arity} values in order`);
  }
  return compiled;
}

/** Compiles an insert of these rows (marker strings stand where the values will go). */
export type CompileRows = (rows: readonly Record<string, unknown>[]) => CompiledQuery;

/** Row counts kept per table; a document rarely brings more than a few dozen facts. */
const KEPT = 128;

/** One prepared insert per row count. */
export class InsertTemplates {
  private readonly byRows = new Map<number, Prepared>();

  constructor(private readonly columns: readonly string[], private readonly compile: CompileRows) {}

  /** The insert of these rows (each one value per column, in the columns' order), compiled. */
  bind(rows: readonly (readonly unknown[])[]): CompiledQuery {
    const values: unknown[] = [];
    for (const row of rows) for (const v of row) values.push(v);
    return this.template(rows.length)(values);
  }

  private template(n: number): Prepared {
    const hit = this.byRows.get(n);
    if (hit) return hit;
    const cols = this.columns;
    const made = prepare(n * cols.length, (markers) => this.compile(Array.from({ length: n }, (_, r) =>
      Object.fromEntries(cols.map((c, k) => [c, markers[r * cols.length + k]])))));
    if (this.byRows.size >= KEPT) {
      const oldest = this.byRows.keys().next().value;
      if (oldest !== undefined) this.byRows.delete(oldest);
    }
    this.byRows.set(n, made);
    return made;
  }
}
