import type { Alliance, Event, Membership, Organisation } from '@fachkraefte/schema';

/**
 * A data set the server can load: what the sources say, or generated example data. An alliance's
 * `memberCount` is not stored: the server counts the memberships.
 */
export interface DataSet {
  /** Short name shown in the CLI and logs, e.g. `seed`, `upcoming`, `volume`. */
  name: string;
  alliances: Omit<Alliance, 'memberCount'>[];
  organisations: Organisation[];
  memberships: Membership[];
  events: Event[];
}
