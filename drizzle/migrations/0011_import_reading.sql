ALTER TABLE "households" ADD COLUMN "contact_other_phones" jsonb;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "building" text;