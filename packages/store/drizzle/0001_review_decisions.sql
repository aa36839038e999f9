CREATE TABLE "review_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"type" text NOT NULL,
	"finding_key" text,
	"reason" text,
	"finding" jsonb,
	"conclusion" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_decisions_type" CHECK ("review_decisions"."type" in ('accept', 'dismiss', 'add', 'override')),
	CONSTRAINT "review_decisions_shape" CHECK (case "review_decisions"."type"
            when 'accept' then "review_decisions"."finding_key" is not null
            when 'dismiss' then "review_decisions"."finding_key" is not null and "review_decisions"."reason" is not null
            when 'add' then "review_decisions"."finding_key" is not null and "review_decisions"."finding" is not null
            when 'override' then "review_decisions"."conclusion" is not null and "review_decisions"."reason" is not null
          end)
);
--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_decisions_document_idx" ON "review_decisions" USING btree ("document_id","id");