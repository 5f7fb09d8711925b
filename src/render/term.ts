/**
 * How a term's English name follows it: in brackets, or after a dash if it has its own.
 * Nothing when the term already is that name (QuerySet, EXPLAIN ANALYZE, VACUUM).
 */
export function englishName(en: string | undefined, term?: string): string {
  if (!en) return '';
  if (term !== undefined && sameName(en, term)) return '';
  return /[()]/.test(en) ? ` — ${en}` : ` (${en})`;
}

function sameName(a: string, b: string): boolean {
  const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return fold(a) === fold(b);
}
