ALTER TABLE "tokens" ADD COLUMN "volunteer_id" text;--> statement-breakpoint
ALTER TABLE "tokens" ADD COLUMN "community" text;