// Kysely compiles a query every time it runs one, and an ingest runs the same few inserts for
// every document: compiling them was a tenth of an ingest. Here each shape (row count) is built
// and compiled once by Kysely, with marker values, and then run again with new values bound.
import type { CompiledQuery } from 'kysely';

/** Compiles an insert of these rows (the markers stand where the values will go). */
export type CompileRows = (rows: readonly Record<string, unknown>[]) => CompiledQuery;

/** Shapes kept per table; a document rarely brings more than a few dozen facts. */
const KEPT = 128;

export class InsertTemplates {
  private readonly byRows = new Map<number, CompiledQuery>();

  constructor(private readonly columns: readonly string[], private readonly compile: CompileRows) {}

  /** The insert of these rows (each one value per column, in the columns' order), compiled. */
  bind(rows: readonly (readonly unknown[])[]): CompiledQuery {
    const template = this.template(rows.length);
    const parameters: unknown[] = [];
    for (const row of rows) for (const v of row) parameters.push(v);
    return { ...template, parameters };
  }

  private template(n: number): CompiledQuery {
    const hit = this.byRows.get(n);
    if (hit) return hit;
    const cols = this.columns;
    const rows = Array.from({ length: n }, (_, r) => Object.fromEntries(cols.map((c, k) => [c, marker(r, k)])));
    const compiled = this.compile(rows);
    // rebinding is sound only if the compiled query takes its parameters row by row, column by
    // column, and nothing else: checked on the markers, so a Kysely that orders them otherwise
    // fails here, loudly, instead of storing values in the wrong columns
    const p = compiled.parameters;
    let sound = p.length === n * cols.length;
    for (let r = 0; sound && r < n; r++) {
      for (let k = 0; k < cols.length; k++) if (p[r * cols.length + k] !== marker(r, k)) sound = false;
    }
    if (!sound) throw new Error(`the compiled insert does not take its ${n * cols.length} values in row order`);
    if (this.byRows.size >= KEPT) {
      const oldest = this.byRows.keys().next().value;
      if (oldest !== undefined) this.byRows.delete(oldest);
    }
    this.byRows.set(n, compiled);
    return compiled;
  }
}

function marker(row: number, column: number): string {
  return `\u0000parley:${row}:${column}`;
}
