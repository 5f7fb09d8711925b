/**
 * Markdown to terminal text, from marked's tokens: headings, paragraphs wrapped to the width,
 * lists, SQL-highlighted code, tables that fit. Pure: (markdown, width, style) -> string.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { highlightSql } from './sql-highlight.js';
import { createStyle, type Style } from './style.js';
import { renderTable } from './table.js';
import { wrapStyled } from './width.js';

export interface MarkdownOptions {
  width: number;
  style: Style;
}

const entities: Record<string, string> = {
  '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ',
};

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => entities[m] ?? m);
}

function inline(tokens: Token[] | undefined, style: Style): string {
  if (!tokens) return '';

  return tokens.map((token) => {
    switch (token.type) {
      case 'strong':
        return style.bold(inline((token as Tokens.Strong).tokens, style));
      case 'em':
        return style.italic(inline((token as Tokens.Em).tokens, style));
      case 'codespan':
        return style.code(unescape((token as Tokens.Codespan).text));
      case 'del':
        return inline((token as Tokens.Del).tokens, style);
      case 'link': {
        const link = token as Tokens.Link;
        const label = inline(link.tokens, style);
        return label === link.href ? style.accent(label) : `${label} (${style.dim(link.href)})`;
      }
      case 'br':
        return '\n';
      case 'text': {
        const text = token as Tokens.Text;
        // A single newline inside a paragraph is the author's wrapping, not a break.
        return text.tokens ? inline(text.tokens, style) : unescape(text.text).replace(/\n/g, ' ');
      }
      case 'escape':
        return (token as Tokens.Escape).text;
      default:
        return unescape(token.raw);
    }
  }).join('');
}

/** No colours and no quotes around code: a heading's words for a table of contents. */
const plainStyle: Style = { ...createStyle(false), code: (text) => text };

function indent(text: string, prefix: string, first = prefix): string {
  return text.split('\n').map((line, i) => (line ? (i === 0 ? first : prefix) + line : line))
    .join('\n');
}

function code(token: Tokens.Code, options: MarkdownOptions): string {
  const text = token.text.replace(/\n+$/, '');
  const lang = (token.lang ?? '').toLowerCase();
  const body = lang === 'sql' ? highlightSql(text, options.style) : text;
  return indent(body, '    ');
}

function list(token: Tokens.List, options: MarkdownOptions, depth: number): string {
  return token.items.map((item, i) => {
    const marker = token.ordered ? `${Number(token.start || 1) + i}. ` : '• ';
    const inner = blocks(item.tokens, { ...options, width: options.width - marker.length },
      depth + 1);
    return indent(inner, ' '.repeat(marker.length), marker);
  }).join(token.loose ? '\n\n' : '\n');
}

function table(token: Tokens.Table, options: MarkdownOptions): string {
  const headers = token.header.map((cell) => inline(cell.tokens, options.style));
  const rows = token.rows.map((row) => row.map((cell) => inline(cell.tokens, options.style)));
  return renderTable(headers, rows, { ...options, wrap: true });
}

function block(token: Token, options: MarkdownOptions, depth: number): string | undefined {
  const { style, width } = options;

  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      const text = inline(heading.tokens, style);
      if (heading.depth <= 2) return style.heading(text.toUpperCase());
      return style.heading(text);
    }
    case 'paragraph':
      return wrapStyled(inline((token as Tokens.Paragraph).tokens, style), width);
    case 'text': {
      const text = token as Tokens.Text;
      return wrapStyled(text.tokens ? inline(text.tokens, style) : unescape(text.text), width);
    }
    case 'list':
      return list(token as Tokens.List, options, depth);
    case 'code':
      return code(token as Tokens.Code, options);
    case 'blockquote':
      return indent(blocks((token as Tokens.Blockquote).tokens,
        { ...options, width: width - 2 }, depth), style.dim('│ '));
    case 'table':
      return table(token as Tokens.Table, options);
    case 'hr':
      return style.dim('─'.repeat(Math.min(width, 40)));
    case 'space':
      return undefined;
    case 'html':
      return (token as Tokens.HTML).text.replace(/<[^>]+>/g, '').trim() || undefined;
    default:
      return token.raw.trim() || undefined;
  }
}

function blocks(tokens: Token[], options: MarkdownOptions, depth: number): string {
  return tokens
    .map((token) => block(token, options, depth))
    .filter((text): text is string => text !== undefined)
    .join('\n\n');
}

export function renderMarkdown(markdown: string, options: MarkdownOptions): string {
  return blocks(new Lexer().lex(markdown), options, 0);
}

/** A part of a rendered document that starts at a heading (or the text before the first). */
export interface RenderedSection {
  /** The heading as plain text; '' for the text before the first heading. */
  title: string;
  /** The heading's level; 0 for the text before the first heading. */
  depth: number;
  text: string;
}

/**
 * The same text as renderMarkdown, cut at every heading up to `maxDepth`: what a reader's
 * table of contents jumps to. Joined with blank lines, the sections are renderMarkdown's text.
 */
export function renderMarkdownSections(markdown: string, options: MarkdownOptions,
  maxDepth = 3): RenderedSection[] {
  const groups: { title: string; depth: number; tokens: Token[] }[] = [];

  for (const token of new Lexer().lex(markdown)) {
    const heading = token.type === 'heading' ? token as Tokens.Heading : undefined;
    if (heading && heading.depth <= maxDepth) {
      // The heading's words without their marks: `unit_price` keeps its underscore.
      const title = inline(heading.tokens, plainStyle).replace(/\s+/g, ' ').trim();
      groups.push({ title, depth: heading.depth, tokens: [token] });
    } else if (groups.length === 0) {
      groups.push({ title: '', depth: 0, tokens: [token] });
    } else {
      groups[groups.length - 1].tokens.push(token);
    }
  }

  return groups
    .map((g) => ({ title: g.title, depth: g.depth, text: blocks(g.tokens, options, 0) }))
    .filter((section) => section.text !== '');
}
