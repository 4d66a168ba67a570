ALTER TABLE "auth_failure" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "auth_failure" CASCADE;--> statement-breakpoint
ALTER TABLE "audit_event" ALTER COLUMN "action" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "audit_event" ALTER COLUMN "entity_type" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "totp_pending_secret" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "session" ADD COLUMN "reauthenticated_at" timestamp with time zone;--> statement-breakpoint
DROP TYPE "public"."audit_action";--> statement-breakpoint
DROP TYPE "public"."audit_entity";--> statement-breakpoint
CREATE TABLE "recovery_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "throttle_counter" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recovery_code_user_idx" ON "recovery_code" USING btree ("user_id");--> statement-breakpoint
-- The audit log is append-only: no role that does not own the table can change or remove a row, whatever the app does.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
-- The hash of one audit row: its content and the previous row's hash. Used by the trigger and by audit:verify.
CREATE FUNCTION audit_event_hash(prev text, e audit_event) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    coalesce(prev, ''), e.id::text, extract(epoch from e.at)::text, coalesce(e.actor_id::text, ''), e.action,
    e.entity_type, coalesce(e.entity_id, ''), coalesce(e.participant_id::text, ''), coalesce(e.request_id, ''),
    coalesce(e.ip, ''), coalesce(e.detail::text, '')), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- On the embedded database (one connection, setting opstap.audit_chain = 'on') every row is chained to the one
-- before it. A PostgreSQL server relies on its roles instead (docs/security.md): chaining there would make every
-- audited transaction wait for the previous one.
CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('opstap.audit_chain', true), '') = 'on' THEN
    NEW.prev_hash := (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1);
    NEW.hash := audit_event_hash(NEW.prev_hash, NEW);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
