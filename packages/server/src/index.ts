/**
 * The reference server of the Fachkräfte API, for embedding in tests and tools. The command line
 * (`fachkraefte-server`) is in cli.ts.
 */
export { createApp } from './app.js';
export type { AppOptions, RequestLogLine } from './app.js';
export { startServer } from './server.js';
export type { DataSetName, RunningServer, ServerOptions } from './server.js';
export { Store } from './store/store.js';
export type { KeyScope, Page, StoreOptions } from './store/store.js';
export { DatabaseConnectError, redactDatabaseUrl } from './store/database.js';
export { loadDataSet } from './seed/index.js';
export type { DataSet } from './seed/types.js';
export { eventsToICalendar, eventToICalendar } from './export/ics.js';
export { membersToGeoJSON } from './export/geojson.js';
