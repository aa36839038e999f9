CREATE TABLE "attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" integer NOT NULL,
	"department_id" integer,
	"file_name" text NOT NULL,
	"type" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"actor_username" text NOT NULL,
	"actor_display_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_owner_kind" CHECK ("attachments"."owner_kind" in ('rectification', 'indicator-actual', 'monitoring-line', 'self-evaluation', 'evaluation')),
	CONSTRAINT "attachments_type" CHECK ("attachments"."type" in ('pdf', 'png', 'jpeg', 'docx', 'xlsx', 'doc', 'xls')),
	CONSTRAINT "attachments_sha256" CHECK ("attachments"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "attachments_size" CHECK ("attachments"."size" = octet_length("attachments"."content"))
);
--> statement-breakpoint
CREATE TABLE "rectification_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"department_id" integer,
	"unit_name" text NOT NULL,
	"responsible_person" text NOT NULL,
	"problem" text NOT NULL,
	"basis" text NOT NULL,
	"measures" text NOT NULL,
	"deadline" date NOT NULL,
	"project_name" text,
	"source_kind" text NOT NULL,
	"source_document_id" integer,
	"source_evaluation_id" integer,
	"source_key" text,
	"source_reference" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	CONSTRAINT "rectification_items_status" CHECK ("rectification_items"."status" in ('draft', 'issued', 'fed-back', 'returned', 'verified')),
	CONSTRAINT "rectification_items_source_kind" CHECK ("rectification_items"."source_kind" in ('review', 'monitoring', 'self-evaluation', 'evaluation', 'inspection'))
);
--> statement-breakpoint
CREATE TABLE "rectification_transitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"text" text,
	"round" integer NOT NULL,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor_username" text NOT NULL,
	"actor_display_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_items" ADD CONSTRAINT "rectification_items_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_transitions" ADD CONSTRAINT "rectification_transitions_item_id_rectification_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."rectification_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_kind","owner_id","id");--> statement-breakpoint
CREATE INDEX "rectification_items_department_idx" ON "rectification_items" USING btree ("department_id","status","id");--> statement-breakpoint
CREATE INDEX "rectification_items_source_idx" ON "rectification_items" USING btree ("source_kind","source_document_id","source_evaluation_id","source_key");--> statement-breakpoint
CREATE INDEX "rectification_transitions_item_idx" ON "rectification_transitions" USING btree ("item_id","id");--> statement-breakpoint
-- hand-written:
-- Rectification history and evidence are append-only (decision 032), refused by 0006's function like the other history tables.
CREATE TRIGGER "rectification_transitions_no_update_or_delete" BEFORE UPDATE OR DELETE ON "rectification_transitions" FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "rectification_transitions_no_truncate" BEFORE TRUNCATE ON "rectification_transitions" FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "attachments_no_update_or_delete" BEFORE UPDATE OR DELETE ON "attachments" FOR EACH ROW EXECUTE FUNCTION "append_only_refuse"();--> statement-breakpoint
CREATE TRIGGER "attachments_no_truncate" BEFORE TRUNCATE ON "attachments" FOR EACH STATEMENT EXECUTE FUNCTION "append_only_refuse"();
