CREATE TABLE "monitoring_warning_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"warning_id" integer NOT NULL,
	"response" text NOT NULL,
	"explanation" text NOT NULL,
	"responded_by" text NOT NULL,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_warning_responses_explanation" CHECK (length(btrim("monitoring_warning_responses"."explanation")) > 0)
);
--> statement-breakpoint
CREATE TABLE "monitoring_warnings" (
	"id" serial PRIMARY KEY NOT NULL,
	"evaluation_id" integer NOT NULL,
	"warning_key" text NOT NULL,
	"line_key" text NOT NULL,
	"label" text NOT NULL,
	"rule" text NOT NULL,
	"setting" text NOT NULL,
	"reason" text NOT NULL,
	"rule_set_id" text NOT NULL,
	"rule_set_version" integer NOT NULL,
	"due_date" text NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_warnings_rule" CHECK ("monitoring_warnings"."rule" in ('execution-floor', 'progress-gap'))
);
--> statement-breakpoint
ALTER TABLE "monitoring_warning_responses" ADD CONSTRAINT "monitoring_warning_responses_warning_id_monitoring_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."monitoring_warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_warnings" ADD CONSTRAINT "monitoring_warnings_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_warning_responses_warning_idx" ON "monitoring_warning_responses" USING btree ("warning_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_warnings_key_idx" ON "monitoring_warnings" USING btree ("evaluation_id","warning_key");--> statement-breakpoint
-- hand-written: monitoring_warnings and monitoring_warning_responses are append-only, like the other history tables of 0006 (same function).
CREATE TRIGGER "monitoring_warnings_no_update_or_delete" BEFORE UPDATE OR DELETE ON "monitoring_warnings" FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "monitoring_warnings_no_truncate" BEFORE TRUNCATE ON "monitoring_warnings" FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "monitoring_warning_responses_no_update_or_delete" BEFORE UPDATE OR DELETE ON "monitoring_warning_responses" FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "monitoring_warning_responses_no_truncate" BEFORE TRUNCATE ON "monitoring_warning_responses" FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();
