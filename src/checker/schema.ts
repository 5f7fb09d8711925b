/**
 * Judges a schema exercise (rule 11 of CHECKING.md): the learner's DDL and the reference's
 * each run on a throw-away copy of the visible dataset; the catalogs of the tables the
 * exercise names are compared aspect by aspect, then the views by their rows, then the
 * behaviour probes. Views are compared on the hidden datasets too.
 */
import type { SchemaExercise } from '../course/format.js';
import { claimsEngine, referenceFor } from '../course/kinds.js';
import type { Engine, SchemaRequest, SchemaState } from '../engines/engine.js';
import { compareCatalogs } from './catalog-compare.js';
import { compareResults } from './compare.js';
import { forbiddenSchemaStatement, isBlankSql } from './statements.js';
import type { Feedback, Verdict } from './verdict.js';

function verdict(exercise: SchemaExercise, feedback: Feedback): Verdict {
  return { exerciseId: exercise.id, passed: feedback.kind === 'passed', feedback };
}

export function schemaRequest(exercise: SchemaExercise): SchemaRequest {
  return {
    tables: exercise.tables.map((t) => t.name),
    views: exercise.views ?? [],
    probes: (exercise.probes ?? []).map((p) => ({ sql: p.sql,
      ...(p.query ? { query: p.query } : {}) })),
  };
}

/** The first view whose rows differ from the reference's. */
function viewFeedback(actual: SchemaState, expected: SchemaState, views: string[],
  property?: string): Feedback | undefined {
  for (const view of views) {
    const have = actual.views[view];
    const want = expected.views[view];
    if (!want?.ok) continue;
    if (!have?.ok) {
      return { kind: 'view-differs', view, failure: have?.failure ?? { kind: 'empty' },
        ...(property ? { property } : {}) };
    }
    const difference = compareResults(have.result, want.result, { columnNames: true });
    if (difference) {
      return { kind: 'view-differs', view, difference, ...(property ? { property } : {}) };
    }
  }
  return undefined;
}

/** The first probe that behaves otherwise than on the reference's schema. */
function probeFeedback(exercise: SchemaExercise, actual: SchemaState,
  expected: SchemaState): Feedback | undefined {
  for (const [i, probe] of (exercise.probes ?? []).entries()) {
    const have = actual.probes[i];
    const want = expected.probes[i];
    const named = { title: probe.title, sql: probe.sql.trim() };

    if (Boolean(have.error) !== Boolean(want.error)) {
      return { kind: 'probe-outcome', ...named, expected: want.error ? 'error' : 'success',
        ...(have.error ? { error: have.error } : {}) };
    }

    if (!want.after?.ok) continue;
    const query = probe.query ? { query: probe.query.trim() } : {};
    if (!have.after?.ok) {
      return { kind: 'probe-state', ...named, ...query,
        failure: have.after?.failure ?? { kind: 'empty' } };
    }
    const difference = compareResults(have.after.result, want.after.result);
    if (difference) return { kind: 'probe-state', ...named, ...query, difference };
  }
  return undefined;
}

export async function judgeSchema(engine: Engine, exercise: SchemaExercise,
  answer: string): Promise<Verdict> {
  if (!claimsEngine(exercise, engine.name)) {
    return verdict(exercise, { kind: 'needs-engine', engines: exercise.engines ?? [] });
  }

  if (isBlankSql(answer.replace(/^\uFEFF/, ''))) return verdict(exercise, { kind: 'empty-answer' });
  const forbidden = forbiddenSchemaStatement(answer);
  if (forbidden) return verdict(exercise, { kind: 'statement-not-allowed', statement: forbidden });

  const reference = referenceFor(exercise, engine.name);
  const request = schemaRequest(exercise);
  const [base, ...hidden] = engine.datasets.filter((d) => !d.sameRowsAs);

  // Each on its own copy, so the two may run side by side.
  const [learner, expected] = await Promise.all([
    engine.schema(base.name, answer, request),
    engine.schema(base.name, reference, request, { trusted: true }),
  ]);
  if (!learner.ok) {
    return verdict(exercise, learner.failure.kind === 'empty' ? { kind: 'empty-answer' }
      : { kind: 'failure', failure: learner.failure });
  }
  if (!expected.ok) {
    return verdict(exercise, { kind: 'reference-broken', dataset: base.name,
      failure: expected.failure });
  }

  const differences = compareCatalogs(learner.state.catalog, expected.state.catalog,
    exercise.tables);
  if (differences.length > 0) {
    return verdict(exercise, { kind: 'schema-differs', difference: differences[0],
      more: differences.length - 1 });
  }

  const found = viewFeedback(learner.state, expected.state, request.views) ??
    probeFeedback(exercise, learner.state, expected.state);
  if (found) return verdict(exercise, found);

  // Views are results: the hidden datasets catch one fitted to the visible rows.
  const viewsOnly = { tables: [], views: request.views, probes: [] };
  for (const dataset of request.views.length > 0 ? hidden : []) {
    const [mine, theirs] = await Promise.all([
      engine.schema(dataset.name, answer, viewsOnly),
      engine.schema(dataset.name, reference, viewsOnly, { trusted: true }),
    ]);
    if (!theirs.ok) {
      return verdict(exercise, { kind: 'reference-broken', dataset: dataset.name,
        failure: theirs.failure });
    }
    if (!mine.ok) return verdict(exercise, { kind: 'failure', failure: mine.failure });
    const differs = viewFeedback(mine.state, theirs.state, request.views, dataset.property);
    if (differs) return verdict(exercise, differs);
  }

  return verdict(exercise, { kind: 'passed' });
}
