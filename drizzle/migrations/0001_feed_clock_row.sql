-- The feed clock starts at zero; seq 1 is the first event.
INSERT INTO "feed_clock" ("id", "last") VALUES (1, 0) ON CONFLICT DO NOTHING;
