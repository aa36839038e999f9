CREATE TABLE "unit_totals" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer,
	"project_count" integer NOT NULL,
	"total_wan" numeric,
	"total_raw" numeric,
	"all_yuan" boolean NOT NULL,
	"amount_count" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "unit_totals_version_idx" ON "unit_totals" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "unit_totals_department_idx" ON "unit_totals" USING btree ("department_id","year");--> statement-breakpoint
CREATE INDEX "unit_totals_unit_idx" ON "unit_totals" USING btree ("unit_id");--> statement-breakpoint
-- Existing versions: their totals from their projects, as the import writes them from now on (unit-totals.ts).
INSERT INTO "unit_totals" ("version_id", "document_id", "department_id", "unit_id", "year", "project_count", "total_wan", "total_raw", "all_yuan", "amount_count")
SELECT p.version_id, p.document_id, p.department_id, p.unit_id, min(p.year), count(*)::int,
       sum(CASE WHEN p.amount_unit = '元' THEN p.amount / 10000 ELSE p.amount END), sum(p.amount),
       coalesce(bool_and(p.amount_unit = '元'), false), count(p.amount)::int
FROM "projects" p WHERE p.department_id IS NOT NULL AND p.unit_id IS NOT NULL
GROUP BY p.version_id, p.document_id, p.department_id, p.unit_id;
