CREATE TABLE "community_state" (
	"community" text PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"households_total" integer DEFAULT 0 NOT NULL,
	"buildings_total" integer DEFAULT 0 NOT NULL,
	"buildings_sealed" integer DEFAULT 0 NOT NULL,
	"volunteers_total" integer DEFAULT 0 NOT NULL,
	"volunteers_on_duty" integer DEFAULT 0 NOT NULL,
	"pending_requests" integer DEFAULT 0 NOT NULL,
	"urgent_requests" integer DEFAULT 0 NOT NULL,
	"current_round_id" text
);
--> statement-breakpoint
CREATE TABLE "events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"type" text NOT NULL,
	"community" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"payload" jsonb NOT NULL,
	"fingerprint" text NOT NULL,
	CONSTRAINT "events_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "feed_clock" (
	"id" smallint PRIMARY KEY NOT NULL,
	"last" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"community" text NOT NULL,
	"kind" text NOT NULL,
	"building_id" text,
	"household_id" text,
	"request_id" text,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"community" text NOT NULL,
	"request_id" text NOT NULL,
	"household_id" text NOT NULL,
	"kind" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"note" text,
	"person" text,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"has_commitment_letter" boolean DEFAULT false NOT NULL,
	"test_report_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"override_reason" text,
	"release_basis" text,
	CONSTRAINT "requests_community_request_id_pk" PRIMARY KEY("community","request_id")
);
--> statement-breakpoint
CREATE TABLE "round_tests" (
	"community" text NOT NULL,
	"round_id" text NOT NULL,
	"household_id" text NOT NULL,
	"tested_at" timestamp with time zone,
	"residents_tested" integer,
	"result" text,
	CONSTRAINT "round_tests_community_round_id_household_id_pk" PRIMARY KEY("community","round_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"community" text NOT NULL,
	"round_id" text NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"tested_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rounds_community_round_id_pk" PRIMARY KEY("community","round_id")
);
--> statement-breakpoint
CREATE TABLE "buildings" (
	"community" text NOT NULL,
	"building_id" text NOT NULL,
	"label" text NOT NULL,
	"sealed" boolean DEFAULT false NOT NULL,
	"sealed_reason" text,
	"sealed_at" timestamp with time zone,
	CONSTRAINT "buildings_community_building_id_pk" PRIMARY KEY("community","building_id")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"community" text NOT NULL,
	"household_id" text NOT NULL,
	"building_id" text NOT NULL,
	"unit" text NOT NULL,
	"residents" integer NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	CONSTRAINT "households_community_household_id_pk" PRIMARY KEY("community","household_id")
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"community" text NOT NULL,
	"volunteer_id" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"skills" jsonb NOT NULL,
	"on_duty" boolean DEFAULT false NOT NULL,
	"post" text,
	"since" timestamp with time zone,
	CONSTRAINT "volunteers_community_volunteer_id_pk" PRIMARY KEY("community","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"role" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "tokens_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE INDEX "events_community_seq" ON "events" USING btree ("community","seq");--> statement-breakpoint
CREATE INDEX "events_type_occurred" ON "events" USING btree ("type","occurred_at");