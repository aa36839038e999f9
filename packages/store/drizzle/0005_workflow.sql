CREATE TABLE "document_workflow" (
	"document_id" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"status_version" integer NOT NULL,
	"approved_version" integer,
	"adjustment" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_workflow_status" CHECK ("document_workflow"."status" in ('draft', 'submitted', 'in-review', 'returned', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "period_locks" (
	"id" serial PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"locked" boolean NOT NULL,
	"reason" text,
	"actor_username" text NOT NULL,
	"actor_display_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "period_locks_period" CHECK ("period_locks"."period" ~ '^[0-9]{4}(-[0-9]{2})?$')
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"object_type" text NOT NULL,
	"object_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"version" integer NOT NULL,
	"actor_username" text NOT NULL,
	"actor_display_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_object_type" CHECK ("publications"."object_type" in ('targets', 'self-evaluation'))
);
--> statement-breakpoint
CREATE TABLE "workflow_transitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"object_type" text NOT NULL,
	"object_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"reason" text,
	"conclusion" text,
	"round" integer NOT NULL,
	"version" integer NOT NULL,
	"actor_username" text NOT NULL,
	"actor_display_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_transitions_object_type" CHECK ("workflow_transitions"."object_type" in ('document', 'evaluation'))
);
--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "document_workflow" ADD CONSTRAINT "document_workflow_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "period_locks_period_idx" ON "period_locks" USING btree ("period","id");--> statement-breakpoint
CREATE INDEX "publications_object_idx" ON "publications" USING btree ("object_type","object_id","id");--> statement-breakpoint
CREATE INDEX "workflow_transitions_object_idx" ON "workflow_transitions" USING btree ("object_type","object_id","id");