-- Service catalogue (module catalog): services (Leistungen) with activities, fees and documents,
-- either shared by a district (district_id) or local to one municipality (municipality_id); the
-- responsibility of a municipality for a service (offering) with its org unit, ways, contacts,
-- locations and the rollout state of each activity.

-- German full-text search on accent-folded words: "Führerschein" and "Fuhrerschein", "Straße"
-- and "Strasse" meet. Index and query both use this configuration.
create text search configuration catalog_german (copy = german);
alter text search configuration catalog_german
    alter mapping for word, hword, hword_part with unaccent, german_stem;

-- Life situations (Lebenslagen) a citizen browses by; the same for every municipality.
create table catalog_life_situation (
    id              uuid primary key default gen_random_uuid(),
    slug            text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    position        int not null,
    name_de         text not null check (length(trim(name_de)) > 0),
    name_en         text not null check (length(trim(name_en)) > 0),
    description_de  text not null default '',
    description_en  text not null default ''
);

insert into catalog_life_situation (slug, position, name_de, name_en, description_de, description_en) values
    ('umzug', 1, 'Umzug', 'Moving house', 'Wohnsitz anmelden, ummelden oder abmelden und was sonst dazugehört.', 'Registering, changing or deregistering your residence and everything that goes with it.'),
    ('geburt', 2, 'Geburt', 'Birth', 'Geburtsurkunde, Name und Leistungen für Eltern.', 'Birth certificate, name and support for parents.'),
    ('heirat', 3, 'Heirat und Partnerschaft', 'Marriage and partnership', 'Eheschließung, Lebenspartnerschaft und Urkunden.', 'Getting married, civil partnership and certificates.'),
    ('kinderbetreuung', 4, 'Kinderbetreuung', 'Childcare', 'Kita, Tagespflege und Betreuungsplätze.', 'Nurseries, childminders and childcare places.'),
    ('ausweise-reisen', 5, 'Ausweis und Reisen', 'ID documents and travel', 'Personalausweis, Reisepass und Bescheinigungen.', 'Identity card, passport and certificates.'),
    ('hund', 6, 'Hund und Haustier', 'Dogs and pets', 'Hundesteuer, Hundehaltung, Fundtiere und Tierheime.', 'Dog tax, keeping a dog, found animals and animal shelters.'),
    ('gewerbe', 7, 'Gewerbe und Beruf', 'Business and trade', 'Gewerbe anmelden, ummelden oder abmelden.', 'Registering, changing or closing a business.'),
    ('bauen', 8, 'Bauen', 'Building', 'Bauantrag, Genehmigungen und Auskünfte zum Grundstück.', 'Building permits, approvals and information about your land.'),
    ('wohnen', 9, 'Wohnen', 'Housing', 'Wohngeld, Wohnberechtigungsschein und Parken am Wohnort.', 'Housing benefit, housing entitlement and parking where you live.'),
    ('geld-und-hilfe', 10, 'Geld und Unterstützung', 'Money and support', 'Zuschüsse, Befreiungen und Hilfe in schwierigen Lagen.', 'Grants, exemptions and help in difficult situations.'),
    ('wahlen', 11, 'Wahlen', 'Elections', 'Briefwahl und Wahlhelfen.', 'Postal voting and helping at elections.'),
    ('veranstaltungen', 12, 'Feiern und Veranstaltungen', 'Events and gatherings', 'Veranstaltungen, Versammlungen und Nutzung öffentlicher Flächen.', 'Events, assemblies and using public space.'),
    ('verlust', 13, 'Verloren und gefunden', 'Lost and found', 'Fundsachen, Fundbüro und verlorene Dokumente.', 'Found items, the lost property office and lost documents.'),
    ('steuern', 14, 'Steuern und Abgaben', 'Taxes and charges', 'Kommunale Steuern, Gebühren und Beiträge.', 'Local taxes, fees and charges.'),
    ('tod', 15, 'Todesfall', 'Death', 'Sterbeurkunde, Bestattung und Grabstätten.', 'Death certificate, funerals and graves.'),
    ('verkehr', 16, 'Auto und Verkehr', 'Cars and traffic', 'Parken, Sondernutzung und Verkehr.', 'Parking, special use of roads and traffic.');

create table catalog_service (
    id                  uuid primary key default gen_random_uuid(),
    -- a shared service of a district's catalogue, or a local service of one municipality
    district_id         uuid references district (id) on delete cascade,
    municipality_id     uuid references municipality (id) on delete cascade,
    slug                text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
    leika_key           text check (leika_key ~ '^[0-9]{14}$'),
    kind                text not null default 'SERVICE' check (kind in ('SERVICE', 'INFORMATION')),
    name_de             text not null check (length(trim(name_de)) between 1 and 300),
    name_en             text not null default '' check (length(name_en) <= 300),
    summary_de          text not null default '',
    summary_en          text not null default '',
    description_de      text not null default '',
    description_en      text not null default '',
    keywords            text[] not null default '{}',
    legal_basis         text not null default '',
    processing_time_de  text not null default '',
    processing_time_en  text not null default '',
    ozg_id              int check (ozg_id > 0),
    leika_type          text not null default '' check (length(leika_type) <= 20),
    -- lower-case, accent-folded name for A–Z lists (set with the search fields)
    sort_name           text not null default '',
    -- maintained by the application from names, keywords, compound parts, activities and texts
    search_vector       tsvector not null default ''::tsvector,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (num_nonnulls(district_id, municipality_id) = 1)
);
create unique index catalog_service_district_slug_idx on catalog_service (district_id, slug) where district_id is not null;
create unique index catalog_service_municipality_slug_idx on catalog_service (municipality_id, slug) where municipality_id is not null;
create unique index catalog_service_district_leika_idx on catalog_service (district_id, leika_key)
    where district_id is not null and leika_key is not null;
create unique index catalog_service_municipality_leika_idx on catalog_service (municipality_id, leika_key)
    where municipality_id is not null and leika_key is not null;
create index catalog_service_search_idx on catalog_service using gin (search_vector);
create index catalog_service_leika_idx on catalog_service (leika_key);

-- A municipality sees its local services and the shared services of its district through one
-- address (slug) and one LeiKa key each: a local service may not repeat a shared one.
create function catalog_service_unique_in_view() returns trigger language plpgsql as $$
begin
    if new.municipality_id is not null then
        if exists (select 1 from catalog_service s join municipality m on m.district_id = s.district_id
                   where m.id = new.municipality_id and s.id <> new.id
                     and (s.slug = new.slug or s.leika_key = new.leika_key)) then
            raise exception 'catalog_service_unique_in_view: % repeats a shared service of the district', new.slug
                using errcode = 'unique_violation';
        end if;
    else
        if exists (select 1 from catalog_service s join municipality m on m.id = s.municipality_id
                   where m.district_id = new.district_id and s.id <> new.id
                     and (s.slug = new.slug or s.leika_key = new.leika_key)) then
            raise exception 'catalog_service_unique_in_view: % repeats a local service of a municipality', new.slug
                using errcode = 'unique_violation';
        end if;
    end if;
    return new;
end;
$$;
create trigger catalog_service_unique_in_view before insert or update of slug, leika_key, district_id, municipality_id
    on catalog_service for each row execute function catalog_service_unique_in_view();

create table catalog_service_life_situation (
    service_id         uuid not null references catalog_service (id) on delete cascade,
    life_situation_id  uuid not null references catalog_life_situation (id) on delete cascade,
    primary key (service_id, life_situation_id)
);
create index catalog_service_life_situation_idx on catalog_service_life_situation (life_situation_id);

-- Required documents, in the order shown.
create table catalog_document (
    service_id  uuid not null references catalog_service (id) on delete cascade,
    position    int not null,
    name_de     text not null check (length(trim(name_de)) > 0),
    name_en     text not null default '',
    primary key (service_id, position)
);

-- Activities (Tätigkeiten / Verrichtungen): Erstantrag, Ersatz, Änderung, Abmeldung ...
create table catalog_activity (
    id          uuid primary key default gen_random_uuid(),
    service_id  uuid not null references catalog_service (id) on delete cascade,
    position    int not null,
    leika_key   text check (leika_key ~ '^[0-9]{14}$'),
    name_de     text not null check (length(trim(name_de)) between 1 and 300),
    name_en     text not null default '',
    unique (id, service_id),
    unique (service_id, name_de)
);
create unique index catalog_activity_leika_idx on catalog_activity (service_id, leika_key) where leika_key is not null;

-- A municipality's responsibility for a service: it offers the service (its own, or a shared one
-- it adopted) through one of its org units, and supplements it with local details.
create table catalog_offering (
    id               uuid primary key default gen_random_uuid(),
    municipality_id  uuid not null references municipality (id) on delete cascade,
    service_id       uuid not null references catalog_service (id) on delete cascade,
    org_unit_id      uuid not null references org_unit (id),
    -- OZG maturity of the service itself (0 none ... 4 fully digital); with activities the
    -- highest activity counts when it is higher (see view catalog_offering_rollout)
    base_maturity    smallint not null default 1 check (base_maturity between 0 and 4),
    online_url       text check (online_url ~ '^(/[^/\\]|https://[^/])' and length(online_url) <= 500),
    appointment_url  text check (appointment_url ~ '^(/[^/\\]|https://[^/])' and length(appointment_url) <= 500),
    by_visit         boolean not null default true,
    by_post          boolean not null default false,
    note_de          text not null default '',
    note_en          text not null default '',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (municipality_id, service_id),
    unique (id, municipality_id),
    unique (id, service_id)
);
create index catalog_offering_service_idx on catalog_offering (service_id);

-- The org unit belongs to the municipality, and the service is one the municipality can see:
-- its own, or a shared service of its district.
create function catalog_offering_in_municipality() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from org_unit u where u.id = new.org_unit_id and u.municipality_id = new.municipality_id) then
        raise exception 'catalog_offering_in_municipality: org unit % is not of municipality %',
            new.org_unit_id, new.municipality_id using errcode = 'check_violation';
    end if;
    if not exists (select 1 from catalog_service s left join municipality m on m.id = new.municipality_id
                   where s.id = new.service_id
                     and (s.municipality_id = new.municipality_id or s.district_id = m.district_id)) then
        raise exception 'catalog_offering_in_municipality: service % is not visible in municipality %',
            new.service_id, new.municipality_id using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger catalog_offering_in_municipality before insert or update on catalog_offering
    for each row execute function catalog_offering_in_municipality();

-- Rollout of each activity in a municipality. A missing row means maturity 0, not started.
create table catalog_offering_activity (
    offering_id  uuid not null,
    service_id   uuid not null,
    activity_id  uuid not null,
    maturity     smallint not null check (maturity between 0 and 4),
    status       text not null default 'NOT_STARTED' check (status in ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED')),
    online_url   text check (online_url ~ '^(/[^/\\]|https://[^/])' and length(online_url) <= 500),
    primary key (offering_id, activity_id),
    foreign key (offering_id, service_id) references catalog_offering (id, service_id) on delete cascade,
    foreign key (activity_id, service_id) references catalog_activity (id, service_id) on delete cascade
);

-- Fees of a service (valid everywhere) or of an offering (local fees of one municipality).
create table catalog_fee (
    id           uuid primary key default gen_random_uuid(),
    service_id   uuid references catalog_service (id) on delete cascade,
    offering_id  uuid references catalog_offering (id) on delete cascade,
    position     int not null,
    label_de     text not null default '',
    label_en     text not null default '',
    type         text not null check (type in ('FIXED', 'PER_UNIT', 'RANGE', 'FREE')),
    amount       numeric(12, 2) check (amount >= 0),
    max_amount   numeric(12, 2),
    unit_de      text not null default '',
    unit_en      text not null default '',
    check (num_nonnulls(service_id, offering_id) = 1),
    check (case type
               when 'FIXED' then amount is not null and max_amount is null
               when 'PER_UNIT' then amount is not null and max_amount is null and length(trim(unit_de)) > 0
               when 'RANGE' then amount is not null and max_amount is not null and amount < max_amount
               else amount is null and max_amount is null
           end)
);
create index catalog_fee_service_idx on catalog_fee (service_id);
create index catalog_fee_offering_idx on catalog_fee (offering_id);

-- Contact persons of an offering (staff, public information).
create table catalog_contact (
    id           uuid primary key default gen_random_uuid(),
    offering_id  uuid not null references catalog_offering (id) on delete cascade,
    position     int not null,
    name         text not null check (length(trim(name)) > 0),
    role         text not null default '',
    phone        text not null default '',
    email        text not null default '' check (email = '' or email ~ '^[^@\s]+@[^@\s]+$')
);
create index catalog_contact_offering_idx on catalog_contact (offering_id);

-- Places where a municipality serves citizens.
create table catalog_location (
    id                uuid primary key default gen_random_uuid(),
    municipality_id   uuid not null references municipality (id) on delete cascade,
    key               text not null check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name              text not null check (length(trim(name)) > 0),
    street            text not null default '',
    postcode          text not null default '' check (postcode = '' or postcode ~ '^[0-9]{5}$'),
    city              text not null default '',
    accessibility_de  text not null default '',
    accessibility_en  text not null default '',
    latitude          numeric(8, 6) check (latitude between -90 and 90),
    longitude         numeric(9, 6) check (longitude between -180 and 180),
    phone             text not null default '',
    email             text not null default '' check (email = '' or email ~ '^[^@\s]+@[^@\s]+$'),
    check ((latitude is null) = (longitude is null)),
    unique (municipality_id, key),
    unique (municipality_id, name),
    unique (id, municipality_id)
);

create type catalog_time_range as range (subtype = time);

-- Weekly opening plan of a location; periods of one day never overlap.
create table catalog_opening_period (
    location_id  uuid not null references catalog_location (id) on delete cascade,
    day_of_week  smallint not null check (day_of_week between 1 and 7),
    opens        time not null,
    closes       time not null,
    check (opens < closes),
    primary key (location_id, day_of_week, opens),
    exclude using gist (location_id with =, day_of_week with =, catalog_time_range(opens, closes) with &&)
);

-- Days that differ from the weekly plan: closed, or open at other times. Public holidays of the
-- state close every location without an entry here.
create table catalog_opening_exception (
    id           uuid primary key default gen_random_uuid(),
    location_id  uuid not null references catalog_location (id) on delete cascade,
    day          date not null,
    opens        time,
    closes       time,
    note_de      text not null default '',
    note_en      text not null default '',
    check ((opens is null) = (closes is null)),
    check (opens < closes),
    unique (location_id, day)
);

create table catalog_offering_location (
    offering_id      uuid not null,
    location_id      uuid not null,
    municipality_id  uuid not null,
    primary key (offering_id, location_id),
    foreign key (offering_id, municipality_id) references catalog_offering (id, municipality_id) on delete cascade,
    foreign key (location_id, municipality_id) references catalog_location (id, municipality_id) on delete cascade
);
create index catalog_offering_location_location_idx on catalog_offering_location (location_id);

-- How far a municipality's offering has come: the service's maturity (its own or that of its
-- most advanced activity) and its activities online (maturity 3 or 4) and in progress.
create view catalog_offering_rollout as
select o.id as offering_id,
       o.municipality_id,
       o.service_id,
       greatest(o.base_maturity, coalesce(max(st.maturity), 0))::int as maturity,
       count(a.id)::int as activities,
       (count(a.id) filter (where coalesce(st.maturity, 0) >= 3))::int as activities_online,
       (count(a.id) filter (where coalesce(st.maturity, 0) < 3 and st.status = 'IN_PROGRESS'))::int as activities_in_progress
from catalog_offering o
left join catalog_activity a on a.service_id = o.service_id
left join catalog_offering_activity st on st.offering_id = o.id and st.activity_id = a.id
group by o.id, o.municipality_id, o.service_id, o.base_maturity;
