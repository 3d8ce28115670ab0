-- Every token belongs to one compound (contract v1.2): tokens minted before it belong to `default`.
UPDATE "tokens" SET "community" = 'default' WHERE "community" IS NULL;--> statement-breakpoint
ALTER TABLE "tokens" ALTER COLUMN "community" SET DEFAULT 'default';--> statement-breakpoint
ALTER TABLE "tokens" ALTER COLUMN "community" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tokens" ADD COLUMN "operator" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tokens" ADD COLUMN "communities" jsonb;--> statement-breakpoint
CREATE INDEX "tokens_community" ON "tokens" USING btree ("community");
