ALTER TABLE "note" ADD COLUMN "reply_to" uuid;--> statement-breakpoint
ALTER TABLE "note" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "note" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_reply_to_note_id_fk" FOREIGN KEY ("reply_to") REFERENCES "public"."note"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note" ADD CONSTRAINT "note_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_reply_to_idx" ON "note" USING btree ("reply_to");