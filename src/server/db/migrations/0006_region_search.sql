-- Hand-written (keep when regenerating, decision 0011): btree_gin lets a GIN index hold the region (a uuid) next
-- to the name's trigrams. PGlite ships it as a contrib extension; on a server it is a trusted extension.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "participant_name_key_trgm_idx";--> statement-breakpoint
ALTER TABLE "participant" ADD COLUMN "region_id" uuid;--> statement-breakpoint
ALTER TABLE "participant" ADD CONSTRAINT "participant_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participant_region_name_trgm_idx" ON "participant" USING gin ("region_id","name_key" gin_trgm_ops);--> statement-breakpoint
-- Hand-written (keep when regenerating): participant.region_id is a copy of its municipality's region, kept by
-- the database itself so no write path can forget it. FOR SHARE waits for a concurrent change of the
-- municipality's region to commit, so that change's update below cannot miss a participant added meanwhile.
CREATE FUNCTION participant_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.region_id := (SELECT region_id FROM municipality WHERE code = NEW.municipality_code FOR SHARE);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER participant_region BEFORE INSERT OR UPDATE OF municipality_code, region_id ON participant
  FOR EACH ROW EXECUTE FUNCTION participant_region();--> statement-breakpoint
CREATE FUNCTION municipality_region_to_participants() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participant SET region_id = NEW.region_id WHERE municipality_code = NEW.code;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER municipality_region_to_participants AFTER UPDATE OF region_id ON municipality
  FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id)
  EXECUTE FUNCTION municipality_region_to_participants();--> statement-breakpoint
UPDATE participant SET region_id = municipality.region_id FROM municipality WHERE municipality.code = participant.municipality_code;
