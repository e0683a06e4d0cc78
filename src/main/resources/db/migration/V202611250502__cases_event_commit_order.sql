-- The specialist API's change cursor must never pass an event that commits later with a lower id.
-- Every event records the id of the transaction that wrote it; the cursor hands out only events of
-- transactions older than the oldest one still running (pg_snapshot_xmin), in (transaction, id)
-- order. Those can no longer change, and any event committed later belongs to a transaction at or
-- above that horizon, so it sorts after everything already handed out. Existing events all get the
-- migration's transaction, so their order stays their id order.
alter table case_event add column xid xid8 not null default pg_current_xact_id();
create index case_event_commit_order_idx on case_event (xid, id);
