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
  {
    version: 3,
    name: 'write path: change history, modified, organisation creator',
    sql: `
      -- When each record last changed; records carry it as "modified".
      alter table alliances add column modified timestamptz not null default now();
      alter table organisations add column modified timestamptz not null default now();
      alter table events add column modified timestamptz not null default now();
      -- The scope of the key that created an organisation ('admin' or an alliance slug); null for
      -- loaded data. A scoped key may change an organisation of no alliance only if it created it.
      alter table organisations add column created_by text;
      -- An alliance's slug may be changed (admin keys): its memberships follow.
      alter table memberships drop constraint memberships_alliance_fkey;
      alter table memberships add constraint memberships_alliance_fkey
        foreign key (alliance) references alliances (slug) on delete cascade on update cascade;

      -- Every write: who, when, what. Deletions stay as tombstones, for mirrors and caches.
      create table changes (
        seq bigserial primary key,
        at timestamptz not null default clock_timestamp(),
        kind text not null,
        record text not null,
        action text not null,
        alliances text[] not null,
        fields text[] not null,
        key_id text,
        key_label text,
        key_scope text not null
      );
      create index changes_at on changes (at, seq);
      create index changes_alliances on changes using gin (alliances);
    `,
  },
  {
    version: 5,
    name: 'data version: validators and caches of every instance',
    sql: `
      -- One row that every write moves on, so that validators (ETags) and caches of rendered
      -- answers follow the data without hashing bodies, and every instance on one database agrees.
      -- n counts writes; tag is random per write, so a database restored from a backup and then
      -- written to never repeats a tag that named other data.
      create table data_version (
        one boolean primary key default true check (one),
        n bigint not null,
        tag text not null
      );
      insert into data_version (n, tag) values (0, md5(random()::text || clock_timestamp()::text));
      -- Every write records its change in the history, in its own transaction: the history is the
      -- one place that sees them all. Once per statement (a data set loads in one statement a
      -- table), and only when the statement recorded something.
      create function data_version_bump() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from recorded) then
          update data_version set n = n + 1, tag = md5(random()::text || clock_timestamp()::text);
        end if;
        return null;
      end $$;
      create trigger changes_bump_data_version after insert on changes referencing new table as recorded
        for each statement execute function data_version_bump();
    `,
  },
];
