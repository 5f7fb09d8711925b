import type { Definition } from '../../course/format.js';
import { wrapText } from '../../render/wrap.js';
import type { Context } from '../context.js';
import { EXIT_FAILED, EXIT_OK } from '../errors.js';
import { page } from '../pager.js';
import { plural } from '../../render/verdict.js';
import { codeSpans } from '../../render/screen.js';
import { englishName } from '../../render/term.js';

interface Entry {
  definition: Definition;
  lesson: string;
  title: string;
}

function fold(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

/**
 * Alphabetical; when a term was asked for, the terms named exactly so come first, then those
 * that start with it ("NULL" before "Ограничение NOT NULL").
 */
export function sortTerms<T extends { definition: Definition }>(entries: T[],
  wanted?: string): T[] {
  const rank = (d: Definition) => {
    if (!wanted) return 0;
    const names = [d.term, d.en ?? ''].map(fold);
    return names.includes(wanted) ? 0 : names.some((n) => n.startsWith(wanted)) ? 1 : 2;
  };
  return [...entries].sort((a, b) => rank(a.definition) - rank(b.definition) ||
    a.definition.term.localeCompare(b.definition.term, 'ru'));
}

/** Every definition of the course, or those whose term (Russian or English) contains `term`. */
export async function glossary(ctx: Context, term: string | undefined, json: boolean):
  Promise<number> {
  const entries: Entry[] = (await ctx.readableLessons()).flatMap((lesson) =>
    lesson.meta.definitions.map((definition) =>
      ({ definition, lesson: lesson.entry.short, title: lesson.meta.title })));
  const wanted = term ? fold(term) : undefined;
  const found = wanted
    ? entries.filter((e) => fold(`${e.definition.term} ${e.definition.en ?? ''}`).includes(wanted))
    : entries;

  if (json) {
    ctx.print(JSON.stringify(found.map((e) => ({ lesson: e.lesson, ...e.definition })), null, 2));
    return found.length > 0 ? EXIT_OK : EXIT_FAILED;
  }

  const { style, width } = ctx.screen;
  if (found.length === 0) {
    ctx.print(`Термин «${term}» не найден. Все термины: dbcourse glossary`);
    return EXIT_FAILED;
  }

  const wrapped = (text: string) => codeSpans(wrapText(text, width - 4).map((l) => `    ${l}`)
    .join('\n'), style);
  const sorted = sortTerms(found, wanted);

  if (!wanted) {
    await page(ctx, [
      style.bold(`Словарь курса: ${plural(sorted.length, 'термин', 'термина', 'терминов')}. ` +
        'Подробно: dbcourse glossary <термин>'),
      '',
      ...sorted.map((e) => `${style.accent(e.definition.term)}` +
        style.dim(englishName(e.definition.en, e.definition.term)) +
        style.dim(` — урок ${e.lesson}`)),
    ].join('\n'));
    return EXIT_OK;
  }

  await page(ctx, sorted.map((e) => [
    style.accent(e.definition.term) + style.dim(englishName(e.definition.en, e.definition.term)),
    style.dim(`    урок ${e.lesson}. ${e.title}`),
    wrapped(`Официально: ${e.definition.official.text}`),
    style.dim(wrapped(`Источник: ${e.definition.official.source}`)),
    wrapped(`На собеседовании: ${e.definition.interview}`),
  ].join('\n')).join('\n\n'));
  return EXIT_OK;
}
