ALTER TABLE "requests" ADD COLUMN "pass_seq" bigint;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "pass_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "pass_trip_hours" double precision;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "pass_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "pass_return_by" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "requests_outside" ON "requests" USING btree ("community","pass_return_by") WHERE pass_out_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "requests_pass_seq" ON "requests" USING btree ("pass_seq");