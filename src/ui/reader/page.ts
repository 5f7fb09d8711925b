/** A lesson's sections laid out as one long page of lines, with where each section starts. */
import type { RenderedSection } from '../../render/markdown.js';
import { fitLines } from './fit-lines.js';

export interface TocEntry {
  title: string;
  depth: number;
  /** The page line the section starts at. */
  line: number;
}

export interface Page {
  lines: string[];
  toc: TocEntry[];
}

/** `width`: lines wider than it are wrapped (see fit-lines.ts), never cut. */
export function layoutPage(sections: RenderedSection[], width = Infinity): Page {
  const lines: string[] = [];
  const toc: TocEntry[] = [];

  for (const section of sections) {
    if (lines.length > 0) lines.push('');
    toc.push({ title: section.title || 'Начало', depth: section.depth, line: lines.length });
    lines.push(...fitLines(section.text.split('\n'), width));
  }

  return { lines, toc };
}

/** The index of the section that line `top` belongs to. */
export function sectionAt(page: Page, top: number): number {
  let found = 0;
  page.toc.forEach((entry, i) => {
    if (entry.line <= top) found = i;
  });
  return found;
}

/** The last line the page can scroll to, so that its end fills the last screen. */
export function lastTop(page: Page, height: number): number {
  return Math.max(0, page.lines.length - height);
}
