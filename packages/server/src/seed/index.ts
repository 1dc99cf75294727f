/**
 * The data sets the reference server can load: `seed` (what the sources say), `upcoming`
 * (fictitious coming events for the seed alliances) and `volume` (generated, for load tests).
 */
import { seedDataSet } from './seed-data.js';
import type { DataSet } from './types.js';
import { upcomingDataSet } from './upcoming.js';
import { volumeDataSet } from './volume.js';

export type { DataSet } from './types.js';
export { seedDataSet } from './seed-data.js';
export { upcomingDataSet } from './upcoming.js';
export { volumeDataSet, type VolumeOptions } from './volume.js';

/** The names {@link loadDataSet} accepts, e.g. for a CLI's `--data` option. */
export const dataSetNames = ['seed', 'upcoming', 'volume'] as const;

/** One of {@link dataSetNames}. */
export type DataSetName = (typeof dataSetNames)[number];

/** Whether `value` names a data set, for checking a CLI argument before {@link loadDataSet}. */
export function isDataSetName(value: unknown): value is DataSetName {
  return typeof value === 'string' && (dataSetNames as readonly string[]).includes(value);
}

/**
 * Concatenates data sets into one under `name`. It does not de-duplicate: the sets here use
 * disjoint ids (no prefix, `beispiel-`, `vol-`), and a clash would be a bug the store should report.
 */
export function mergeDataSets(name: string, ...sets: DataSet[]): DataSet {
  return {
    name,
    alliances: sets.flatMap((s) => s.alliances),
    organisations: sets.flatMap((s) => s.organisations),
    memberships: sets.flatMap((s) => s.memberships),
    events: sets.flatMap((s) => s.events),
  };
}

/**
 * A data set by name, complete in itself, so it can be loaded into an empty store:
 *
 * - `seed`: {@link seedDataSet};
 * - `upcoming`: the seed data set plus {@link upcomingDataSet} for `now` (its events refer to
 *   the seed alliances and organisations, so they cannot be loaded alone);
 * - `volume`: {@link volumeDataSet} with its defaults.
 *
 * Returns a fresh copy every time: a caller may change it without touching the shared seed data.
 *
 * @param now - the moment the `upcoming` events are dated from. @default new Date()
 * @throws Error when `name` is not one of {@link dataSetNames} (the message lists them).
 * @example
 * ```ts
 * const data = loadDataSet('upcoming');
 * data.events.filter((e) => e.fictitious).length; // 21
 * ```
 */
export function loadDataSet(name: DataSetName, now: Date = new Date()): DataSet {
  switch (name) {
    case 'seed':
      return structuredClone(seedDataSet);
    case 'upcoming':
      return mergeDataSets('upcoming', structuredClone(seedDataSet), upcomingDataSet(now));
    case 'volume':
      return volumeDataSet();
    default:
      // Reached from untyped callers (a CLI argument cast to DataSetName).
      throw new Error(`unknown data set "${String(name)}": expected one of ${dataSetNames.join(', ')}`);
  }
}
