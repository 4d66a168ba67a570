import { pgTable, text, uuid, timestamp } from 'drizzle-orm/pg-core';
import { municipality } from '../organisation/organisation.table.ts';

/** An employer (werkgever) that works with the programme. Placements come in a later module. */
export const employer = pgTable('employer', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  kvkNumber: text(), // Dutch chamber of commerce number
  municipalityCode: text().references(() => municipality.code),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
