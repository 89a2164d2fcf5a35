/**
 * A piece of SQL with its `?` parameters in text order. The reach queries are assembled from
 * filters and grouping keys that each bring their own parameters; keeping text and parameters
 * together is what keeps them in step.
 */
export class SqlFragment {
  constructor(
    readonly text: string,
    readonly params: readonly unknown[] = [],
  ) {}
}

/** `sql\`a = ${value} and ${fragment}\``: values become `?` parameters, fragments are inlined. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (value instanceof SqlFragment) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1];
  });
  return new SqlFragment(text, params);
}

/** Trusted text (identifiers, constants written in this library), never user input. */
export const raw = (text: string): SqlFragment => new SqlFragment(text);

export const EMPTY = raw('');

/** Fragments joined by `separator`, e.g. the conditions of a where clause. */
export function join(fragments: readonly SqlFragment[], separator: string): SqlFragment {
  return new SqlFragment(
    fragments.map((fragment) => fragment.text).join(separator),
    fragments.flatMap((fragment) => fragment.params),
  );
}

/** A PostgreSQL array literal for `?::uuid[]`, `?::date[]`: the driver sends it as one text value. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value}"`).join(',')}}`;
}
