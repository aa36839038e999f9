CREATE TABLE "rule_set_activations" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"region" text NOT NULL,
	"year" integer NOT NULL,
	"rule_set_id" text NOT NULL,
	"version" integer NOT NULL,
	"activated_by" text NOT NULL,
	"activated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"rule_set_id" text NOT NULL,
	"version" integer NOT NULL,
	"scheme" text NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"year_from" integer,
	"year_to" integer,
	"sources" jsonb NOT NULL,
	"based_on" text,
	"settings" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_sets_scheme" CHECK ("rule_sets"."scheme" in ('target-review', 'project-self-evaluation', 'department-self-evaluation', 'monitoring')),
	CONSTRAINT "rule_sets_version" CHECK ("rule_sets"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX "rule_set_activations_key_idx" ON "rule_set_activations" USING btree ("scheme","region","year","id");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_sets_id_version_idx" ON "rule_sets" USING btree ("rule_set_id","version");