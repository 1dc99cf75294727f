// Starts the real reference server (packages/server, TypeScript sources through tsx) for a test
// run: in-memory PGlite with the seed data set. The package's `test` script runs Node with
// `--import tsx --conditions=@fachkraefte/source`, so the server's sources load without a build.
// Imported by path: @fachkraefte/server is not (and need not be) a dependency of the widgets.
const entry = new URL('../../server/src/index.ts', import.meta.url);

/** `{ url, close }` of a running reference server on a free port. */
export async function startReferenceServer() {
  const { startServer } = await import(entry.href);
  return startServer({ port: 0, memory: true, dataSets: ['seed'], log: () => {}, siteDir: null, cdnDir: null });
}
