-- Trigram search on names (PGlite ships pg_trgm as a contrib extension; a PostgreSQL server has it in contrib,
-- and it is a trusted extension, so the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "participant_name_key_trgm_idx" ON "participant" USING gin ("name_key" gin_trgm_ops);
