ALTER TABLE "evaluations" DROP CONSTRAINT "evaluations_status";--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_status" CHECK ("evaluations"."status" in ('draft', 'submitted', 'in-review', 'returned', 'done'));--> statement-breakpoint
-- hand-written: self-evaluations submitted before the unit head's step existed (decision 035) were sent to the
-- finance bureau; they stay with it, now as 审核中.
UPDATE "evaluations" SET "status" = 'in-review' WHERE "kind" = 'self-evaluation' AND "status" = 'submitted';
