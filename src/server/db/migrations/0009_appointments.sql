CREATE TYPE "public"."appointment_place" AS ENUM('address', 'video', 'phone');--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('planned', 'held', 'cancelled');--> statement-breakpoint
CREATE TABLE "appointment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"coach_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place_kind" "appointment_place" NOT NULL,
	"place" text NOT NULL,
	"with_whom" text DEFAULT '' NOT NULL,
	"bring" text DEFAULT '' NOT NULL,
	"status" "appointment_status" DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reminded_version" integer,
	"meeting_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_coach_id_app_user_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_trajectory_idx" ON "appointment" USING btree ("trajectory_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_coach_idx" ON "appointment" USING btree ("coach_id","starts_at") WHERE "appointment"."status" = 'planned';