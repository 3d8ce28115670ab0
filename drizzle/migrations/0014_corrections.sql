ALTER TABLE "community_state" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "round_tests" ADD COLUMN "tested_by" text;--> statement-breakpoint
ALTER TABLE "round_tests" ADD COLUMN "result_by" text;--> statement-breakpoint
ALTER TABLE "round_tests" ADD COLUMN "result_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "checked_in_by" text;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "merged_into" text;