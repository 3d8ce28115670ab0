CREATE TABLE "file_uploads" (
	"file_id" text NOT NULL,
	"token_id" text NOT NULL,
	"household_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_uploads_file_id_token_id_pk" PRIMARY KEY("file_id","token_id")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"file_id" text PRIMARY KEY NOT NULL,
	"community" text NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"thumb" "bytea",
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tokens" ADD COLUMN "household_id" text;--> statement-breakpoint
CREATE INDEX "file_uploads_household" ON "file_uploads" USING btree ("household_id","created_at");--> statement-breakpoint
CREATE INDEX "files_community" ON "files" USING btree ("community","created_at");--> statement-breakpoint
CREATE INDEX "events_file_history" ON "events" USING btree ("community",("payload" ->> 'fileId'),"seq") WHERE ("payload" ->> 'fileId') is not null;--> statement-breakpoint
CREATE INDEX "tokens_household" ON "tokens" USING btree ("community","household_id");