ALTER TABLE "jobs" DROP CONSTRAINT "jobs_kind";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "result_file_base64" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "result_file_name" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "result_media_type" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_kind" CHECK ("jobs"."kind" in ('import', 'output'));