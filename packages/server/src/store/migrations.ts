/**
 * Versioned migrations, applied in order inside one transaction each and recorded in
 * `schema_migrations`. Plain PostgreSQL: the same SQL runs on PGlite and on a PostgreSQL server.
 * A migration is never edited once released; a change is a new entry.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      create table alliances (
        slug text primary key,
        name text not null,
        kind text not null,
        state text not null,
        search text not null,
        -- Kept by the trigger below: counting memberships on every list read was the slowest part.
        member_count int not null default 0,
        doc json not null
      );
      create index alliances_name on alliances (name, slug);

      create table organisations (
        id text primary key,
        name text not null,
        type text not null,
        search text not null,
        doc json not null
      );
      create index organisations_name on organisations (name, id);
      create index organisations_type on organisations (type);

      create table memberships (
        alliance text not null references alliances (slug) on delete cascade,
        organisation text not null references organisations (id) on delete cascade,
        role text not null,
        since text,
        primary key (alliance, organisation)
      );
      create index memberships_organisation on memberships (organisation);

      create function memberships_count() returns trigger language plpgsql as $$
      begin
        if tg_op in ('INSERT', 'UPDATE') then
          update alliances set member_count = member_count + 1 where slug = new.alliance;
        end if;
        if tg_op in ('DELETE', 'UPDATE') then
          update alliances set member_count = member_count - 1 where slug = old.alliance;
        end if;
        return null;
      end $$;
      create trigger memberships_count after insert or update of alliance or delete on memberships
        for each row execute function memberships_count();

      create table events (
        id text primary key,
        starts_at timestamptz not null,
        -- doc is json, not jsonb: it keeps the record's key order as written.
        -- The end of the last occurrence (for a series), null for a series without end.
        range_end timestamptz,
        status text not null,
        categories text[] not null,
        alliances text[] not null,
        search text not null,
        doc json not null
      );
      create index events_start on events (starts_at, id);
      create index events_alliances on events using gin (alliances);

      create table api_keys (
        id text primary key,
        hash text not null unique,
        scope text not null,
        label text,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );

      create table data_sets (
        name text primary key,
        loaded_at timestamptz not null default now()
      );
    `,
  },
  {
    version: 2,
    name: 'data_set_plan',
    sql: `
      -- The data sets a first start is to load, recorded before it loads any: each set loads in its
      -- own transaction, and a start killed between them (kill -9) left the later ones out for good.
      -- Every start loads what is planned but not in data_sets.
      create table data_set_plan (
        name text primary key,
        position int not null
      );
    `,
  },
];
