/**
 * The check server's engines: SQLite engines stay open between checks, their sandbox a child
 * process (killed and replaced when a learner's statement overruns), so a check finds the
 * sandbox started and the datasets open. Each check gets a loan whose close() gives it back.
 * MySQL engines are opened and closed per check, as by any command: connections held for
 * minutes would count against the learner's server.
 */
import type { Engine } from '../engines/engine.js';
import { ForwardingEngine } from '../engines/forwarding-engine.js';
import { openEngine, type EngineChoice, type EngineSource, type OpenOptions } from
  '../engines/open.js';
import type { SqliteEngine } from '../engines/sqlite/engine.js';

/** An engine lent for one command: everything goes through, except that close() does not. */
class Loan extends ForwardingEngine {
  override async close(): Promise<void> {
    // Given back, not closed: the next check uses it.
  }
}

export class EngineLender implements EngineSource {
  /**
   * The one engine kept, and the settings it was opened with. One only: checks with other
   * settings (DBCOURSE_QUERY_TIMEOUT_MS, DBCOURSE_FIXTURES_DIR) replace it, so that each new
   * setting does not leave another sandbox process running until the server ends.
   */
  private kept: { key: string; engine: SqliteEngine } | undefined;

  async open(choice: EngineChoice, options: OpenOptions): Promise<Engine> {
    if (choice.name !== 'sqlite') return openEngine(choice, options);

    const key = JSON.stringify([options.fixtures.dir, options.cacheRoot, options.timeoutMs,
      options.trustReferences ?? true]);
    if (this.kept && (this.kept.key !== key || !this.kept.engine.unchanged())) {
      const given = this.kept.engine;
      this.kept = undefined;
      await given.close();
    }
    if (!this.kept) {
      const { SqliteEngine: Sqlite } = await import('../engines/sqlite/engine.js');
      this.kept = { key, engine: new Sqlite({ ...options,
        trustReferences: options.trustReferences ?? true, isolation: 'process' }) };
    }
    return new Loan(this.kept.engine);
  }

  async closeAll(): Promise<void> {
    const engine = this.kept?.engine;
    this.kept = undefined;
    await engine?.close();
  }
}
