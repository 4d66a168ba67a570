CREATE TYPE "public"."cefr_level" AS ENUM('pre_a1', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2');--> statement-breakpoint
CREATE TYPE "public"."cefr_skill" AS ENUM('listening', 'reading', 'spoken_interaction', 'spoken_production', 'writing');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('phone', 'sms', 'whatsapp', 'email', 'in_person');--> statement-breakpoint
CREATE TYPE "public"."education_level" AS ENUM('none', 'primary', 'secondary', 'vocational', 'bachelor', 'master', 'doctorate');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('female', 'male', 'other', 'not_given');--> statement-breakpoint
CREATE TYPE "public"."integration_route" AS ENUM('b1', 'education', 'z', 'none', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."level_source" AS ENUM('self', 'teacher', 'exam');--> statement-breakpoint
CREATE TYPE "public"."valuation_status" AS ENUM('not_requested', 'requested', 'done');--> statement-breakpoint
CREATE TYPE "public"."activity_kind" AS ENUM('cv_made', 'open_day', 'temp_agency_visit', 'contract_read', 'accompanied_interview', 'company_visit', 'other');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('sent', 'interview', 'rejected', 'offer');--> statement-breakpoint
CREATE TYPE "public"."goal_kind" AS ENUM('work', 'education', 'dutch_language', 'network', 'personal_development');--> statement-breakpoint
CREATE TYPE "public"."meeting_mode" AS ENUM('in_person', 'phone', 'video', 'chat');--> statement-breakpoint
CREATE TYPE "public"."note_visibility" AS ENUM('team', 'participant');--> statement-breakpoint
CREATE TYPE "public"."referrer_kind" AS ENUM('municipality', 'coach', 'lead', 'self', 'other');--> statement-breakpoint
CREATE TYPE "public"."step_owner" AS ENUM('participant', 'coach', 'municipality', 'employer');--> statement-breakpoint
CREATE TYPE "public"."step_status" AS ENUM('open', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."stop_reason" AS ENUM('found_work', 'started_education', 'moved_away', 'health', 'no_contact', 'own_choice', 'not_eligible', 'other');--> statement-breakpoint
CREATE TYPE "public"."trajectory_status" AS ENUM('referred', 'intake', 'active', 'completed', 'stopped');--> statement-breakpoint
CREATE TABLE "occupation" (
	"uri" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"isco_group" text NOT NULL,
	"label_nl" text NOT NULL,
	"label_en" text NOT NULL,
	"alt_labels_nl" text DEFAULT '' NOT NULL,
	"alt_labels_en" text DEFAULT '' NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"country" text,
	"level" "education_level" NOT NULL,
	"field" text DEFAULT '' NOT NULL,
	"years" integer,
	"has_diploma" boolean DEFAULT false NOT NULL,
	"valuation" "valuation_status" DEFAULT 'not_requested' NOT NULL,
	"valuation_result" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "language_level" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"skill" "cefr_skill" NOT NULL,
	"level" "cefr_level" NOT NULL,
	"assessed_on" date NOT NULL,
	"source" "level_source" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"permit_name" text DEFAULT '' NOT NULL,
	"name_key" text NOT NULL,
	"date_of_birth" date,
	"gender" "gender" DEFAULT 'not_given' NOT NULL,
	"nationality" text,
	"country_of_birth" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_language" text DEFAULT 'nl' NOT NULL,
	"contact_channel" "contact_channel" DEFAULT 'phone' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"municipality_code" text NOT NULL,
	"arrival_date" date,
	"permit_date" date,
	"integration_route" "integration_route" DEFAULT 'unknown' NOT NULL,
	"pip_date" date,
	"has_driving_licence" boolean DEFAULT false NOT NULL,
	"availability" jsonb DEFAULT '{"days":[],"hoursPerWeek":null}'::jsonb NOT NULL,
	"constraints" jsonb DEFAULT '{"childcare":false,"healthLimitsAvailability":false,"healthHoursPerWeek":null}'::jsonb NOT NULL,
	"ambitions" jsonb DEFAULT '{"dreamJob":{"escoUri":null,"text":""},"nextStep":{"escoUri":null,"text":""},"sectors":[]}'::jsonb NOT NULL,
	"user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_experience" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"esco_uri" text,
	"occupation" text NOT NULL,
	"years" integer,
	"country" text
);
--> statement-breakpoint
CREATE TABLE "activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"happened_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coach_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"coach_id" uuid NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"vacancy" text NOT NULL,
	"employer_name" text NOT NULL,
	"applied_on" date NOT NULL,
	"status" "application_status" DEFAULT 'sent' NOT NULL,
	"follow_up_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"mode" "meeting_mode" NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"body" text NOT NULL,
	"visibility" "note_visibility" NOT NULL,
	"is_question" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_version" (
	"trajectory_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"goals" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"agreed_at" timestamp with time zone,
	"agreed_by" uuid,
	CONSTRAINT "plan_version_trajectory_id_version_pk" PRIMARY KEY("trajectory_id","version")
);
--> statement-breakpoint
CREATE TABLE "step_progress" (
	"trajectory_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"status" "step_status" NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "step_progress_trajectory_id_step_id_pk" PRIMARY KEY("trajectory_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "trajectory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" "trajectory_status" DEFAULT 'referred' NOT NULL,
	"municipality_code" text NOT NULL,
	"coach_id" uuid,
	"referred_on" date NOT NULL,
	"referred_by" uuid,
	"referrer_kind" "referrer_kind" NOT NULL,
	"referral_motivation" text DEFAULT '' NOT NULL,
	"intake_on" date,
	"started_on" date,
	"planned_end_on" date,
	"ended_on" date,
	"stop_reason" "stop_reason",
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trajectory_extension" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"previous_end_on" date NOT NULL,
	"new_end_on" date NOT NULL,
	"reason" text NOT NULL,
	"approved_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "education" ADD CONSTRAINT "education_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "language_level" ADD CONSTRAINT "language_level_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant" ADD CONSTRAINT "participant_municipality_code_municipality_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipality"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant" ADD CONSTRAINT "participant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant" ADD CONSTRAINT "participant_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_experience" ADD CONSTRAINT "work_experience_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_assignment" ADD CONSTRAINT "coach_assignment_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_assignment" ADD CONSTRAINT "coach_assignment_coach_id_app_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_assignment" ADD CONSTRAINT "coach_assignment_assigned_by_app_user_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_application" ADD CONSTRAINT "job_application_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_saved_by_app_user_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version" ADD CONSTRAINT "plan_version_agreed_by_app_user_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_progress" ADD CONSTRAINT "step_progress_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_progress" ADD CONSTRAINT "step_progress_changed_by_app_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory" ADD CONSTRAINT "trajectory_participant_id_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory" ADD CONSTRAINT "trajectory_municipality_code_municipality_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipality"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory" ADD CONSTRAINT "trajectory_coach_id_app_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory" ADD CONSTRAINT "trajectory_referred_by_app_user_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_extension" ADD CONSTRAINT "trajectory_extension_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_extension" ADD CONSTRAINT "trajectory_extension_approved_by_app_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "occupation_isco_idx" ON "occupation" USING btree ("isco_group");--> statement-breakpoint
CREATE INDEX "education_participant_idx" ON "education" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "language_level_participant_idx" ON "language_level" USING btree ("participant_id","skill","assessed_on");--> statement-breakpoint
CREATE INDEX "participant_municipality_idx" ON "participant" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "participant_name_key_idx" ON "participant" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "participant_user_idx" ON "participant" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "work_experience_participant_idx" ON "work_experience" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "activity_trajectory_idx" ON "activity" USING btree ("trajectory_id","happened_on");--> statement-breakpoint
CREATE INDEX "coach_assignment_trajectory_idx" ON "coach_assignment" USING btree ("trajectory_id");--> statement-breakpoint
CREATE INDEX "job_application_trajectory_idx" ON "job_application" USING btree ("trajectory_id");--> statement-breakpoint
CREATE INDEX "meeting_trajectory_idx" ON "meeting" USING btree ("trajectory_id","held_on");--> statement-breakpoint
CREATE INDEX "note_trajectory_idx" ON "note" USING btree ("trajectory_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "trajectory_one_open_idx" ON "trajectory" USING btree ("participant_id") WHERE "trajectory"."status" in ('referred', 'intake', 'active');--> statement-breakpoint
CREATE INDEX "trajectory_participant_idx" ON "trajectory" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "trajectory_coach_idx" ON "trajectory" USING btree ("coach_id","status");--> statement-breakpoint
CREATE INDEX "trajectory_municipality_idx" ON "trajectory" USING btree ("municipality_code","status");--> statement-breakpoint
CREATE INDEX "trajectory_extension_trajectory_idx" ON "trajectory_extension" USING btree ("trajectory_id");