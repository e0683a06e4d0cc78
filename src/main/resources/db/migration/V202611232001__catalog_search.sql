-- Search support of the catalogue (see bench/catalog/README.md for why the finder works this way).

-- Words citizens use for what the catalogue calls otherwise: "Perso" is the Personalausweis,
-- "Ummeldung" is Wohnsitz anmelden. Terms and expansions are lower case; an expansion of several
-- words means all of them.
create table catalog_synonym (
    term       text not null check (term = lower(term) and length(trim(term)) > 0),
    expansion  text not null check (expansion = lower(expansion) and length(trim(expansion)) > 0),
    primary key (term, expansion)
);

insert into catalog_synonym (term, expansion) values
    ('perso', 'personalausweis'),
    ('ausweis', 'personalausweis'),
    ('id', 'personalausweis'),
    ('eid', 'personalausweis'),
    ('pass', 'reisepass'),
    ('kinderpass', 'kinderreisepass'),
    ('ummeldung', 'wohnsitz anmelden'),
    ('ummelden', 'wohnsitz anmelden'),
    ('umzug', 'wohnsitz anmelden'),
    ('umziehen', 'wohnsitz anmelden'),
    ('zuzug', 'wohnsitz anmelden'),
    ('neuer wohnsitz', 'wohnsitz anmelden'),
    ('wegzug', 'wohnsitz abmelden'),
    ('adresse', 'wohnsitz'),
    ('adressänderung', 'wohnsitz anmelden'),
    ('meldebestätigung', 'meldebescheinigung'),
    ('wohnsitzbescheinigung', 'meldebescheinigung'),
    ('hochzeit', 'eheschließung'),
    ('heiraten', 'eheschließung'),
    ('heiratsurkunde', 'eheurkunde'),
    ('trauung', 'eheschließung'),
    ('baby', 'geburt'),
    ('totenschein', 'sterbeurkunde'),
    ('todesfall', 'sterbeurkunde'),
    ('kita', 'kindertagesstätte'),
    ('kindergarten', 'kindertagesstätte'),
    ('krippe', 'kindertagesstätte'),
    ('betreuungsplatz', 'kindertagesstätte'),
    ('hundemarke', 'hundesteuer'),
    ('firma', 'gewerbe'),
    ('selbstständig', 'gewerbe anmelden'),
    ('selbständig', 'gewerbe anmelden'),
    ('existenzgründung', 'gewerbe anmelden'),
    ('firmengründung', 'gewerbe anmelden'),
    ('geschäft aufgeben', 'gewerbe abmelden'),
    ('anwohnerparken', 'bewohnerparkausweis'),
    ('anwohnerparkausweis', 'bewohnerparkausweis'),
    ('parkausweis', 'bewohnerparkausweis'),
    ('parkplatz', 'bewohnerparkausweis'),
    ('wbs', 'wohnberechtigungsschein'),
    ('sozialwohnung', 'wohnberechtigungsschein'),
    ('mietzuschuss', 'wohngeld'),
    ('lastenzuschuss', 'wohngeld'),
    ('baugenehmigung', 'bauantrag'),
    ('hausbau', 'bauantrag'),
    ('abriss', 'abbruchgenehmigung'),
    ('wahlschein', 'briefwahl'),
    ('wahlunterlagen', 'briefwahl'),
    ('fest', 'veranstaltung'),
    ('party', 'veranstaltung'),
    ('demo', 'versammlung'),
    ('demonstration', 'versammlung'),
    ('kundgebung', 'versammlung'),
    ('verloren', 'fundsachen'),
    ('fundbuero', 'fundbüro'),
    ('gefunden', 'fundsachen'),
    ('entlaufen', 'fundtiere'),
    ('tierheim', 'fundtiere'),
    ('sperrmüll', 'abfall'),
    ('müll', 'abfall'),
    ('gewerbeschein', 'gewerbe anmelden');

-- Last parts of German compounds, so that "Hundesteuer" is also found by "Steuer" and
-- "Geburtsurkunde" by "Urkunde": index words ending in one of these are split.
create table catalog_compound_part (
    part  text primary key check (part = lower(part) and length(part) >= 3)
);

insert into catalog_compound_part (part) values
    ('steuer'), ('urkunde'), ('ausweis'), ('pass'), ('schein'), ('bescheinigung'), ('genehmigung'),
    ('erlaubnis'), ('anmeldung'), ('abmeldung'), ('ummeldung'), ('anzeige'), ('antrag'), ('geld'),
    ('karte'), ('park'), ('platz'), ('haltung'), ('betreuung'), ('stätte'), ('gutschein'), ('sache'),
    ('sachen'), ('büro'), ('amt'), ('tiere'), ('heim'), ('wahl'), ('zuschuss'), ('hilfe'),
    ('berechtigung'), ('auskunft'), ('zeugnis'), ('register'), ('buch'), ('nutzung'), ('gebühr'),
    ('beitrag'), ('vertrag'), ('kosten'), ('wohnung'), ('gewerbe'), ('fahrt'), ('reise'), ('führer'),
    ('markt'), ('feuer'), ('baum'), ('müll'), ('abfall'), ('tier'), ('hund'), ('kind'), ('eltern'),
    ('ehe'), ('name'), ('bestattung'), ('grab'), ('friedhof'), ('fund'), ('verlust'), ('meldung'),
    ('recht'), ('versammlung'), ('veranstaltung'), ('bau'), ('abbruch'), ('plan'), ('sitz');

-- Every word the catalogue uses (accent-folded, lower case): a misspelt query word is replaced by
-- its nearest neighbour here ("geburtsurkunfe" -> "geburtsurkunde").
create table catalog_search_word (
    word  text primary key
);
create index catalog_search_word_trgm_idx on catalog_search_word using gist (word gist_trgm_ops);
