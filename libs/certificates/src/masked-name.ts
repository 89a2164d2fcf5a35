/** What verification shows instead of the name of a resident whose personal data was erased. */
export const ERASED_NAME = '(đã xóa dữ liệu)';

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/**
 * The name as a certificate's public verification shows it: the family name (first word) in
 * full, every other word cut to its first letter and three asterisks. "Nguyễn Văn An" becomes
 * "Nguyễn V*** A***": someone holding the paper certificate can check it is the same person,
 * while a stranger typing codes learns a family name and initials only. The asterisk count is
 * fixed so it does not reveal the length of the given name.
 */
export function maskFullName(fullName: string | null): string {
  if (fullName === null) return ERASED_NAME;
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return ERASED_NAME;
  const initial = (word: string) => `${graphemes.segment(word)[Symbol.iterator]().next().value!.segment}***`;
  if (words.length === 1) return initial(words[0]);
  return [words[0], ...words.slice(1).map(initial)].join(' ');
}
