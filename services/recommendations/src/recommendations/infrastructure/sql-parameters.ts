/** The positional parameters of a plain SQL statement built piece by piece: `add` names the next. */
export class SqlParameters {
  readonly values: unknown[] = [];

  /** Keeps `value` and returns its placeholder (`$1`, `$2`…). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
