/**
 * The identity of this build of dbcourse, set by scripts/build.mjs. Caches (parsed lessons,
 * passed verdicts, the help text) are valid only for the build that wrote them.
 */
declare const __DBCOURSE_BUILD__: string | undefined;

/** The build stamp, or undefined when running from sources (tests, tsx). */
export const buildStamp: string | undefined =
  typeof __DBCOURSE_BUILD__ === 'string' ? __DBCOURSE_BUILD__ : undefined;

/** A key for caches: outside a build, private to this process, so nothing stale is reused. */
export const cacheBuildKey = buildStamp ?? `dev-${process.pid}`;
