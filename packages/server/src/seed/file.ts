import { Alliance, Event, formatIssues, type InvalidParam, Membership, Organisation, previousStartProblem } from '@fachkraefte/schema';
import { parseRule } from '@fachkraefte/schema/rrule';
import * as z from 'zod/mini';
import type { DataSet } from './types.js';

/** A data set as a JSON file (`load FILE.json`, `POST /v1/data-sets`). */
const FileDataSet = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(80)),
  alliances: z.array(z.omit(Alliance, { memberCount: true })),
  organisations: z.array(Organisation),
  memberships: z.array(Membership),
  events: z.array(Event),
});

/**
 * Checks a parsed JSON value as a data set: the schemas, and recurrences only of the kind the API
 * takes in writes (see @fachkraefte/schema/rrule). Returns the set, or the problems found.
 */
export function checkDataSet(json: unknown): { set: DataSet; issues?: undefined } | { set?: undefined; issues: InvalidParam[] } {
  const result = FileDataSet.safeParse(json);
  const issues = result.success ? [] : formatIssues(result.error.issues);
  result.data?.events.forEach((e, i) => {
    const previous = previousStartProblem(e);
    if (previous) issues.push({ parameter: `events[${i}].previousStart`, message: previous });
    try {
      if (e.recurrence) parseRule(e.recurrence.rrule);
    } catch (err) {
      issues.push({ parameter: `events[${i}].recurrence.rrule`, message: (err as Error).message });
    }
  });
  return issues.length ? { issues } : { set: result.data! };
}
