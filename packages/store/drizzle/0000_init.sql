CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"version" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text,
	"layout" text NOT NULL,
	"amount_unit" text NOT NULL,
	"project_count" integer NOT NULL,
	"indicator_count" integer NOT NULL,
	"problem_count" integer NOT NULL,
	"content" json NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_version_positive" CHECK ("document_versions"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"identity_key" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"department_id" integer,
	"year" integer,
	"current_version" integer DEFAULT 0 NOT NULL,
	"current_version_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_identity_key_unique" UNIQUE("identity_key")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"department_id" integer,
	"unit_id" integer,
	"scope" text NOT NULL,
	"project_id" integer,
	"key_task_id" integer,
	"year" integer,
	"position" integer NOT NULL,
	"no" integer NOT NULL,
	"level1" text,
	"level1_code" text,
	"level2" text,
	"level2_code" text,
	"name" text NOT NULL,
	"annual_target" jsonb,
	"period_target" jsonb,
	"direction" text,
	"explanation" text,
	"formula" text,
	"weight" numeric,
	"actual" jsonb,
	"tier" text,
	"score" numeric,
	"deviation_reason" text
);
--> statement-breakpoint
CREATE TABLE "key_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"department_id" integer,
	"year" integer,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"content" text,
	"funds" numeric(18, 6),
	"expected" text,
	"projects" jsonb NOT NULL,
	"completion" text,
	"weight" numeric,
	"stated_score" numeric
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer,
	"position" integer NOT NULL,
	"no" integer,
	"name" text NOT NULL,
	"code" text,
	"amount" numeric(18, 6),
	"amount_unit" text NOT NULL,
	"funding_fiscal" numeric(18, 6),
	"funding_special_account" numeric(18, 6),
	"funding_other" numeric(18, 6),
	"category" text,
	"description" text,
	"goal" text,
	"budget" jsonb,
	"indicator_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"department_id" integer NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"nature" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "years" (
	"year" integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_year_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_document_version_idx" ON "document_versions" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "documents_department_idx" ON "documents" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "documents_current_version_idx" ON "documents" USING btree ("current_version_id");--> statement-breakpoint
CREATE INDEX "indicators_version_idx" ON "indicators" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "indicators_project_idx" ON "indicators" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "key_tasks_version_idx" ON "key_tasks" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "projects_version_idx" ON "projects" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "projects_unit_idx" ON "projects" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "projects_department_idx" ON "projects" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_department_name_idx" ON "units" USING btree ("department_id","name");