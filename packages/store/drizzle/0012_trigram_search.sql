-- Custom SQL migration file, put your code below! --
-- hand-written:
-- Trigram indexes for the lists' name searches (issue 12 item 2): `name ILIKE '%…%'` can use a GIN index of pg_trgm
-- instead of reading every row. pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it;
-- PGlite loads it at open (db.ts). The indexes are not in schema.ts because the extension must exist before them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "departments_name_trgm_idx" ON "departments" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "units_name_trgm_idx" ON "units" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_name_trgm_idx" ON "projects" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_code_trgm_idx" ON "projects" USING gin ("code" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "indicators_name_trgm_idx" ON "indicators" USING gin ("name" gin_trgm_ops);
