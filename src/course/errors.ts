import { UserError } from '../cli/errors.js';
import { buildOlderThanSources, STALE_BUILD_NOTE } from './stale-build.js';

/** A lesson file that does not follow docs/authoring.md: names the file and the field. */
export class LessonFormatError extends UserError {
  constructor(readonly file: string, detail: string) {
    super(`Урок ${file} оформлен неверно:\n${detail}` +
      (buildOlderThanSources() ? `\n${STALE_BUILD_NOTE}` : ''));
    this.name = 'LessonFormatError';
  }
}
