CREATE TABLE "evaluation_scores" (
	"id" serial PRIMARY KEY NOT NULL,
	"evaluation_id" integer NOT NULL,
	"evaluation_revision" integer NOT NULL,
	"rule_set_id" text NOT NULL,
	"rule_set_version" integer NOT NULL,
	"total" numeric,
	"grade" text,
	"result" jsonb NOT NULL,
	"scored_by" text NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"target_version_id" integer NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"entries" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"report" jsonb,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_kind" CHECK ("evaluations"."kind" in ('monitoring', 'self-evaluation')),
	CONSTRAINT "evaluations_status" CHECK ("evaluations"."status" in ('draft', 'submitted', 'returned', 'done')),
	CONSTRAINT "evaluations_revision" CHECK ("evaluations"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_target_version_id_document_versions_id_fk" FOREIGN KEY ("target_version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_scores_evaluation_idx" ON "evaluation_scores" USING btree ("evaluation_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_document_kind_period_idx" ON "evaluations" USING btree ("document_id","kind","period");