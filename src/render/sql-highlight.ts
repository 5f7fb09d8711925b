/** Colours SQL for the terminal: keywords, strings, numbers and comments. */
import type { Style } from './style.js';

const keywords = new Set(`
select from where and or not in is null like between order by group having limit offset as
distinct join inner left right full outer cross on using union all intersect except with
recursive insert into values update set delete create table alter drop index view primary
key foreign references unique check default constraint case when then else end asc desc
exists any some count sum avg min max coalesce nullif cast over partition begin commit
rollback transaction savepoint true false if auto_increment int integer varchar char text
decimal date datetime timestamp smallint bigint boolean engine show describe explain
`.trim().split(/\s+/));

const token = /(--[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^']|'')*')|(\b\d+(?:\.\d+)?\b)|([A-Za-z_]+)/g;

export function highlightSql(sql: string, style: Style): string {
  if (!style.color) return sql;

  return sql.replace(token, (match, comment, string, number, word) => {
    if (comment) return style.comment(comment);
    if (string) return style.string(string);
    if (number) return style.number(number);
    if (word && keywords.has(word.toLowerCase())) return style.keyword(word);
    return match;
  });
}
