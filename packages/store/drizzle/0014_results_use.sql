CREATE TABLE "results_use_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"project_key" text NOT NULL,
	"unit_name" text NOT NULL,
	"project_name" text NOT NULL,
	"kind" text NOT NULL,
	"computed_suggestion" text,
	"suggestion" text NOT NULL,
	"reason" text NOT NULL,
	"rule_set_id" text NOT NULL,
	"rule_set_version" integer NOT NULL,
	"basis" jsonb NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_use_decisions_kind" CHECK ("results_use_decisions"."kind" in ('confirm', 'adjust')),
	CONSTRAINT "results_use_decisions_reason" CHECK (length(btrim("results_use_decisions"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "rule_sets" DROP CONSTRAINT "rule_sets_scheme";--> statement-breakpoint
ALTER TABLE "results_use_decisions" ADD CONSTRAINT "results_use_decisions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "results_use_decisions_document_idx" ON "results_use_decisions" USING btree ("document_id","project_key","id");--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_scheme" CHECK ("rule_sets"."scheme" in ('target-review', 'project-self-evaluation', 'department-self-evaluation', 'monitoring', 'results-use'));--> statement-breakpoint
-- hand-written: results_use_decisions is append-only, like the other history tables of 0006 (same function).
CREATE TRIGGER "results_use_decisions_no_update_or_delete" BEFORE UPDATE OR DELETE ON "results_use_decisions" FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "results_use_decisions_no_truncate" BEFORE TRUNCATE ON "results_use_decisions" FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();
