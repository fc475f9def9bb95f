CREATE TABLE "bulk_job_items" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"ticket_id" text NOT NULL,
	"ticket_number" text NOT NULL,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb,
	"calls" jsonb,
	"reason" text,
	"error" text,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_job_items_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "bulk_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"undo_of" uuid,
	"action" jsonb NOT NULL,
	"selection" jsonb NOT NULL,
	"label" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"paused_reason" text,
	"total" integer NOT NULL,
	"rate_limit" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bulk_job_items" ADD CONSTRAINT "bulk_job_items_job_id_bulk_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."bulk_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_undo_of_bulk_jobs_id_fk" FOREIGN KEY ("undo_of") REFERENCES "public"."bulk_jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_job_items_job_state" ON "bulk_job_items" USING btree ("job_id","state");--> statement-breakpoint
CREATE INDEX "bulk_jobs_workspace_created" ON "bulk_jobs" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "bulk_jobs_state" ON "bulk_jobs" USING btree ("state");