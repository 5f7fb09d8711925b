/** How a term's English name follows it: in brackets, or after a dash if it has its own. */
export function englishName(en: string | undefined): string {
  if (!en) return '';
  return /[()]/.test(en) ? ` — ${en}` : ` (${en})`;
}
