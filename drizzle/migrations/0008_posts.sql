CREATE TABLE "posts" (
	"community" text NOT NULL,
	"post" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"seq" integer NOT NULL,
	CONSTRAINT "posts_community_post_pk" PRIMARY KEY("community","post")
);
