// Bundles src/ into dist/ with esbuild: ESM with code splitting, so every command and heavy
// library (marked, zod, yaml) is its own chunk, loaded only when used.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const stamp = createHash('sha1').update(`${pkg.version}:${Date.now()}`).digest('hex').slice(0, 12);

rmSync('dist', { recursive: true, force: true });

// Ink imports React DevTools only when DEV=true; the package is not installed, so the import
// resolves to an empty module instead of failing at run time.
const noDevtools = {
  name: 'no-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'devtools', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {};' }));
  },
};

// commander requires node:child_process at load, for executable subcommands, which dbcourse
// does not have; Node then loads a dozen of its own modules on every command. Commander gets
// a stand-in that loads child_process only if something of it is ever used.
const lazyChildProcess = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let real; const load = () => (real ??= require('node:child_process'));" +
        'module.exports = new Proxy({}, { get: (_, key) => load()[key] });',
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: { main: 'src/cli/main.ts', server: 'src/server/server.ts' },
  plugins: [noDevtools, lazyChildProcess],
  jsx: 'automatic',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'mysql2'],
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    // CommonJS dependencies inside an ESM bundle still call require().
    js: "import { createRequire as __createRequire } from 'node:module';" +
      'const require = __createRequire(import.meta.url);',
  },
  define: {
    __DBCOURSE_BUILD__: JSON.stringify(stamp),
    __DBCOURSE_VERSION__: JSON.stringify(pkg.version),
    // Lets a lesson that fails validation say when the build is older than the sources.
    __DBCOURSE_FORMAT_HASH__: JSON.stringify(createHash('sha1')
      .update(readFileSync('src/course/format.ts')).digest('hex')),
    'process.env.NODE_ENV': '"production"',
  },
  charset: 'utf8',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

copyFileSync('src/engines/sqlite/sqlite-worker.cjs', 'dist/sqlite-worker.cjs');
copyFileSync('src/engines/sqlite/sqlite-worker.cjs', 'dist/chunks/sqlite-worker.cjs');
copyFileSync('src/engines/sqlite/console-child.cjs', 'dist/chunks/console-child.cjs');
copyFileSync('src/engines/sqlite/parent-watchdog.cjs', 'dist/parent-watchdog.cjs');
copyFileSync('src/engines/sqlite/parent-watchdog.cjs', 'dist/chunks/parent-watchdog.cjs');
