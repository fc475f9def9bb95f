CREATE TABLE "insight_days" (
	"workspace_id" text NOT NULL,
	"source" text NOT NULL,
	"timezone" text NOT NULL,
	"day" text NOT NULL,
	"rows" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_days_workspace_id_source_timezone_day_pk" PRIMARY KEY("workspace_id","source","timezone","day")
);
--> statement-breakpoint
CREATE TABLE "insight_snapshots" (
	"workspace_id" text NOT NULL,
	"resource" text NOT NULL,
	"day" text NOT NULL,
	"counts" jsonb NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_snapshots_workspace_id_resource_day_pk" PRIMARY KEY("workspace_id","resource","day")
);
