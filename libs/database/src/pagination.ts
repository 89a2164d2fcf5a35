/**
 * Keyset pagination: a cursor is the sort key of the last item seen, opaque to clients
 * (base64url JSON). Stable under inserts, unlike offsets.
 */
export interface PageArgs {
  first: number;
  after?: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export const MAX_PAGE_SIZE = 200;

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key inside a cursor, or null when the cursor was not made by `encodeCursor` with `arity` parts. */
export function decodeCursor(cursor: string, arity: number): string[] | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((part) => typeof part === 'string')) return key;
    return null;
  } catch {
    return null;
  }
}

/** Builds a page from `first + 1` fetched rows (the extra row only says whether more exist). */
export function toPage<T>(rows: T[], first: number, totalCount: number, keyOf: (row: T) => string[]): Page<T> {
  const items = rows.slice(0, first);
  const last = items.at(-1);
  return {
    items,
    totalCount,
    hasNextPage: rows.length > first,
    endCursor: last ? encodeCursor(keyOf(last)) : null,
  };
}
