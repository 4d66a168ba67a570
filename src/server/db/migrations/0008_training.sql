CREATE TYPE "public"."attendance_status" AS ENUM('present', 'late', 'absent_notice', 'absent_no_notice');--> statement-breakpoint
CREATE TYPE "public"."cohort_status" AS ENUM('planned', 'running', 'finished');--> statement-breakpoint
CREATE TYPE "public"."cohort_member_status" AS ENUM('member', 'waiting');--> statement-breakpoint
CREATE TYPE "public"."session_kind" AS ENUM('regular', 'company_visit', 'interview_practice', 'final_presentation', 'return_meeting');--> statement-breakpoint
CREATE TABLE "attendance" (
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_session_id_participant_id_pk" PRIMARY KEY("session_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "cohort" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sector_track" text,
	"capacity" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"status" "cohort_status" DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cohort_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"status" "cohort_member_status" NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" uuid
);
--> statement-breakpoint
CREATE TABLE "cohort_trainer" (
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "cohort_trainer_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "training_module" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"title" text,
	"position" integer NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "training_module_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "training_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text DEFAULT '' NOT NULL,
	"kind" "session_kind" DEFAULT 'regular' NOT NULL,
	"trainer_id" uuid,
	"module_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"guests" text DEFAULT '' NOT NULL,
	"bring" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_training_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_marked_by_app_user_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort" ADD CONSTRAINT "cohort_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_cohort_id_cohort_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohort"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_added_by_app_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_trainer" ADD CONSTRAINT "cohort_trainer_cohort_id_cohort_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohort"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_trainer" ADD CONSTRAINT "cohort_trainer_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_cohort_id_cohort_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohort"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_session" ADD CONSTRAINT "training_session_trainer_id_app_user_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_participant_idx" ON "attendance" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "cohort_region_idx" ON "cohort" USING btree ("region_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_member_once_idx" ON "cohort_member" USING btree ("cohort_id","participant_id");--> statement-breakpoint
CREATE INDEX "cohort_member_participant_idx" ON "cohort_member" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "cohort_member_trajectory_idx" ON "cohort_member" USING btree ("trajectory_id");--> statement-breakpoint
CREATE INDEX "cohort_trainer_user_idx" ON "cohort_trainer" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_session_cohort_idx" ON "training_session" USING btree ("cohort_id","date");--> statement-breakpoint
CREATE INDEX "training_session_trainer_idx" ON "training_session" USING btree ("trainer_id","date");