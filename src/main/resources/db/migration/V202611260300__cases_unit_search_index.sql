-- The inbox's text search per org unit (bench/cases.sh, bench/cases/README.md): one GIN index over
-- (org_unit_id, search) (btree_gin gives uuid a GIN operator class), so the index intersects the
-- unit's entries with the word's instead of handing over every match of the municipality (250,000
-- for a word in a quarter of a million cases) to be filtered by unit afterwards. It replaces
-- case_file_search_idx: a GIN index serves a condition on any of its columns alone as well (a
-- deputy's search, which is not restricted to the units), so writes keep maintaining one text index.
--
-- Cost: at 1,000,000 cases the build takes about 30 s on a quiet 2-core machine (31 s measured on
-- PostgreSQL 15 with the benchmark's data; bench/cases.sh prints the time of a rebuild on its
-- generated table), and inside the migration's transaction writes to case_file wait that long.
-- Not CONCURRENTLY: that needs a non-transactional migration (a V...sql.conf file with
-- executeInTransaction=false) and, with Flyway's default transactional lock on PostgreSQL, hangs at
-- start-up (tried: the build waits for Flyway's own lock transaction; it would need
-- spring.flyway.postgresql.transactional-lock=false). An operator with a large table who cannot
-- accept the pause creates the index by hand first ("create index concurrently
-- case_file_unit_search_idx ..." as below); "if not exists" then skips it here.
create extension if not exists btree_gin;
create index if not exists case_file_unit_search_idx on case_file using gin (org_unit_id, search);
drop index if exists case_file_search_idx;
