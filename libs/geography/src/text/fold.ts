/**
 * Folds Vietnamese text for accent- and case-insensitive search: "HƯNG YÊN", "Hưng Yên" and
 * "hung yen" all fold to "hung yen". đ/Đ is a letter of its own, not a base letter with a mark,
 * so NFD leaves it alone; it is mapped to d by hand.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The search tokens of a query: every token must appear in the folded text of a match. */
export function searchTokens(query: string): string[] {
  return foldVietnamese(query).split(' ').filter(Boolean);
}

/** Trims, collapses inner whitespace and puts a name in NFC, the form names are stored in. */
export function cleanName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}
