// `fk-calendar-env` and `ical.js` are served by the calendar's fixture plugin (calendar-fixtures.mjs).
declare module 'fk-calendar-env' {
  /** Origin of the calendar's own reference server (seed data plus calendar-data.mjs events). */
  export const CAL_API: string;
  /** Origin of the fault server in front of it: `/flip/<id>/v1/…`, `/recover/<id>/v1/…` (faults per URL). */
  export const CAL_FAULTS: string;
}

// The part of ical.js (2.x) the tests use; the package is not a dependency of the widgets.
declare module 'ical.js' {
  interface Time {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    isDate: boolean;
    toJSDate(): Date;
    toString(): string;
    compare(other: Time): number;
  }
  interface Component {
    getAllSubcomponents(name: string): Component[];
    getFirstPropertyValue(name: string): unknown;
    getAllProperties(name: string): { getFirstValue(): unknown }[];
  }
  interface IcalEvent {
    summary: string;
    startDate: Time;
    endDate: Time;
    isRecurring(): boolean;
    iterator(start?: Time): { next(): Time | null };
  }
  const ICAL: {
    parse(input: string): unknown[];
    Component: new (jcal: unknown) => Component;
    Event: new (component: Component) => IcalEvent;
    Time: { fromDateTimeString(s: string): Time; fromDateString(s: string): Time };
    Recur: { fromString(s: string): { iterator(start: Time): { next(): Time | null } } };
    TimezoneService: { register(component: Component): void };
  };
  export default ICAL;
}
