CREATE INDEX "indicators_department_year_idx" ON "indicators" USING btree ("department_id","year");--> statement-breakpoint
CREATE INDEX "indicators_unit_idx" ON "indicators" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "projects_year_idx" ON "projects" USING btree ("year","department_id");