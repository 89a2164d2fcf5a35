import type { SpreadsheetRow } from './spreadsheet-row';

/** Which column a header label names, or undefined for a column the importer does not read. */
export type ColumnOf<C extends string> = (label: string) => C | undefined;

/**
 * Looks labels up by their folded form (accents, case and spacing aside), from each column's
 * template header and other labels seen in real files. `fold` is passed in so that this lib
 * depends on no domain lib.
 */
export function columnsByFoldedLabel<C extends string>(
  headers: Record<C, string>,
  foldedAliases: Partial<Record<C, string[]>>,
  fold: (text: string) => string,
): ColumnOf<C> {
  const byFolded = new Map<string, C>();
  for (const column of Object.keys(headers) as C[]) {
    byFolded.set(fold(headers[column]), column);
    for (const alias of foldedAliases[column] ?? []) byFolded.set(alias, column);
  }
  return (label) => byFolded.get(fold(label));
}

/** Every position of each known column in a row, columns in the order they first appear. */
export function columnPositions<C extends string>(row: SpreadsheetRow, columnOf: ColumnOf<C>): Map<C, number[]> {
  const positions = new Map<C, number[]>();
  row.cells.forEach((cell, position) => {
    const column = cell === null ? undefined : columnOf(String(cell));
    if (column) positions.set(column, [...(positions.get(column) ?? []), position]);
  });
  return positions;
}

export interface HeaderSpec<C extends string> {
  columnOf: ColumnOf<C>;
  required: readonly C[];
  /** how many of the first rows may hold the header (title rows above it are allowed) */
  searchRows: number;
  /**
   * Which repeated column is reported when several are: the one that appears first
   * (`first-seen`) or the one whose second appearance comes first (`first-repeated`).
   */
  repeatedOrder: 'first-seen' | 'first-repeated';
}

export interface HeaderMatch<C extends string> {
  /** the first searched row with every required column; the first row when none has them */
  header: SpreadsheetRow;
  /** index of `header` in the rows given */
  at: number;
  /** where each column found stands (its first position) */
  columns: Partial<Record<C, number>>;
  /** required columns the header lacks, in the order given; empty when the header was found */
  missing: C[];
  /** a column that appears twice or more in the header */
  repeated: C | undefined;
}

/** Finds the header row among the first rows of a non-empty sheet and where its columns are. */
export function findHeader<C extends string>(rows: SpreadsheetRow[], spec: HeaderSpec<C>): HeaderMatch<C> {
  const candidates = rows.slice(0, spec.searchRows).map((row) => columnPositions(row, spec.columnOf));
  const found = candidates.findIndex((positions) => spec.required.every((column) => positions.has(column)));
  const at = Math.max(found, 0);
  const positions = candidates[at];
  return {
    header: rows[at],
    at,
    columns: Object.fromEntries([...positions].map(([column, [first]]) => [column, first])) as Partial<
      Record<C, number>
    >,
    missing: spec.required.filter((column) => !positions.has(column)),
    repeated: repeatedColumn(positions, spec.repeatedOrder),
  };
}

function repeatedColumn<C extends string>(
  positions: Map<C, number[]>,
  order: HeaderSpec<C>['repeatedOrder'],
): C | undefined {
  const repeated = [...positions].filter(([, at]) => at.length > 1);
  if (order === 'first-repeated') repeated.sort(([, a], [, b]) => a[1] - b[1]);
  return repeated[0]?.[0];
}
