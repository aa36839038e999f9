-- Tamper-evident records (issue 9 item 8, decision 013). Columns and index from schema.ts (drizzle-kit); the
-- triggers below are written by hand. The five history tables are append-only: no code updates or deletes their
-- rows (the latest row counts — a lifted period lock or a new publication is a new row), so UPDATE, DELETE and
-- TRUNCATE are all refused, by one function that names the table and the statement (audit_events' row trigger of
-- 0004 is replaced by it).
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_prev_hash_unique" ON "audit_events" USING btree ("prev_hash");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_hash_shape" CHECK (("audit_events"."hash" is null and "audit_events"."prev_hash" is null) or ("audit_events"."hash" ~ '^[0-9a-f]{64}$' and "audit_events"."prev_hash" ~ '^[0-9a-f]{64}$'));--> statement-breakpoint
CREATE FUNCTION "append_only_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP; END $$;--> statement-breakpoint
DROP TRIGGER "audit_events_no_update_or_delete" ON "audit_events";--> statement-breakpoint
DROP FUNCTION "audit_events_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_events_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "publications_no_update_or_delete" BEFORE UPDATE OR DELETE ON "publications" FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "publications_no_truncate" BEFORE TRUNCATE ON "publications" FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "period_locks_no_update_or_delete" BEFORE UPDATE OR DELETE ON "period_locks" FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "period_locks_no_truncate" BEFORE TRUNCATE ON "period_locks" FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "workflow_transitions_no_update_or_delete" BEFORE UPDATE OR DELETE ON "workflow_transitions" FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "workflow_transitions_no_truncate" BEFORE TRUNCATE ON "workflow_transitions" FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "review_decisions_no_update_or_delete" BEFORE UPDATE OR DELETE ON "review_decisions" FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "review_decisions_no_truncate" BEFORE TRUNCATE ON "review_decisions" FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();
