import type { AllianceKind, Bundesland, MembershipRole, OrganisationType } from '@fachkraefte/schema';

/** A locale code the widgets understand. */
export type Locale = 'de' | 'en';

/**
 * Every text a widget shows. One object per locale; German is the fallback, and `satisfies
 * Translation` in each file makes a missing or misspelt key a compile error.
 */
export interface Translation {
  /** BCP 47 tag passed to `Intl` (dates, numbers, collation). */
  locale: string;
  /** The months' names, January first, separated by spaces (dates without Intl, see partial-date.ts). */
  months: string;
  loading: string;
  retry: string;
  refreshFailed: (time: string) => string;
  /**
   * The failure messages, by `fk-error` code (`api`: the API base is missing, a `config` problem
   * of its own).
   */
  errors: {
    config: string;
    api: string;
    network: string;
    timeout: string;
    'not-found': string;
    http: (status: number) => string;
    'invalid-response': string;
    unknown: string;
  };
  /** Texts of `<fk-alliance-directory>` (the other widgets keep theirs beside their component). */
  directory: {
    title: string;
    search: string;
    searchHint: string;
    state: string;
    kind: string;
    all: string;
    filters: string;
    resultCount: (shown: number, total: number) => string;
    empty: string;
    emptyFiltered: string;
    resetFilters: string;
    founded: (date: string) => string;
    /**
     * The member count of a card. `stated`: how many members the alliance says it has (null: the
     * sources do not say); `named`: how many the data names. Says which is which where they differ.
     */
    memberCount: (named: number, stated: number | null) => string;
  };
  /** Texts of an alliance's profile in `<fk-alliance-directory>`. */
  profile: {
    back: string;
    description: string;
    areas: string;
    founded: string;
    website: string;
    coordinator: string;
    patrons: string;
    contacts: string;
    /** Heading of the people the sources quote for the alliance or its members (not contacts). */
    representatives: string;
    /** One line under that heading saying what these people are, and that they are no contacts. */
    representativesHint: string;
    focusAreas: string;
    projectGroups: string;
    members: string;
    memberSearch: string;
    memberType: string;
    allTypes: string;
    memberCount: (shown: number, total: number) => string;
    /** One sentence under the count in a profile where stated and named members differ; '' otherwise. */
    memberCountNote: (named: number, stated: number | null) => string;
    noMembers: string;
    noMembersStated: (stated: number) => string;
    noMatches: string;
    showMore: (count: number) => string;
    email: string;
    phone: string;
    since: (date: string) => string;
    until: (date: string) => string;
    membershipFee: string;
  };
  kinds: Record<AllianceKind, string>;
  states: Record<Bundesland, string>;
  organisationTypes: Record<OrganisationType, string>;
  roles: Record<MembershipRole, string>;
}
