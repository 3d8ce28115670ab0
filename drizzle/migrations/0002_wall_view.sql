CREATE TABLE "activity_buckets" (
	"community" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"tests" integer DEFAULT 0 NOT NULL,
	"on_duty_delta" integer DEFAULT 0 NOT NULL,
	"pending_delta" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_buckets_community_bucket_start_pk" PRIMARY KEY("community","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "post_minimums" (
	"community" text NOT NULL,
	"post" text NOT NULL,
	"minimum" integer NOT NULL,
	CONSTRAINT "post_minimums_community_post_pk" PRIMARY KEY("community","post")
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "alerts_open" ON "alerts" USING btree ("community","seq") WHERE resolved_at is null and acknowledged_at is null;--> statement-breakpoint
CREATE INDEX "alerts_request" ON "alerts" USING btree ("community","request_id");--> statement-breakpoint
CREATE INDEX "requests_pending" ON "requests" USING btree ("community","opened_at") WHERE status = 'pending';