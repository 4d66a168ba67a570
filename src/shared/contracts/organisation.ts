import { z } from 'zod';
import {
  cbsCode,
  id,
  isoDate,
  isoDateTime,
  longText,
  optionalEmail,
  pageQuery,
  phone,
  searchText,
  shortText,
  defineErrors,
} from './common.ts';

export const programme = z.object({
  id,
  name: z.string(),
  funder: z.string(),
  trajectoryMonths: z.number().int(),
  topics: z.array(z.string()),
});
export type Programme = z.infer<typeof programme>;

export const programmeUpdate = z.strictObject({
  name: shortText.min(1).optional(),
  funder: shortText.optional(),
  trajectoryMonths: z.number().int().min(1).max(36).optional(),
  topics: z.array(shortText.min(1)).max(100).optional(),
});

export const region = z.object({
  id,
  code: z.string(),
  name: z.string(),
  municipalityCount: z.number().int(),
});
export const regionList = z.object({ items: z.array(region) });

export const municipality = z.object({
  code: z.string(),
  name: z.string(),
  province: z.string(),
  regionId: id.nullable(),
  regionName: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  partnershipStatus: z.enum(['draft', 'active', 'ended']).nullable(),
});
export type Municipality = z.infer<typeof municipality>;
export const municipalityList = z.object({ items: z.array(municipality), total: z.number().int() });
export const municipalityQuery = z.strictObject({
  q: searchText.optional(),
  regionId: id.optional(),
  ...pageQuery,
});
export const municipalityParams = z.strictObject({ code: cbsCode });
export const municipalityRegionUpdate = z.strictObject({ regionId: id });

export const partnershipStatuses = ['draft', 'active', 'ended'] as const;
export const contactRoles = [
  'client_manager',
  'job_coach',
  'employer_advisor',
  'policy_officer',
  'manager',
] as const;
export const sectors = [
  'care',
  'hospitality',
  'logistics',
  'production',
  'technology',
  'retail',
  'cleaning',
  'construction',
  'education',
  'agriculture',
  'ict',
  'other',
] as const;
export type Sector = (typeof sectors)[number];

export const partnershipContact = z.strictObject({
  role: z.enum(contactRoles),
  name: shortText.min(1),
  email: optionalEmail.optional(),
  phone: phone.optional(),
});

const partnershipFields = {
  status: z.enum(partnershipStatuses),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  contacts: z.array(partnershipContact).max(20),
  goals: longText,
  communication: longText,
  sectorFocus: z.array(z.enum(sectors)).max(sectors.length),
  notes: longText,
};

export const partnership = z.object({
  id,
  municipalityCode: z.string(),
  municipalityName: z.string(),
  regionId: id.nullable(),
  regionName: z.string().nullable(),
  // An answer repeats what is stored; the request types above decide what may be stored.
  status: z.enum(partnershipStatuses),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  contacts: z.array(
    z.object({
      role: z.enum(contactRoles),
      name: z.string(),
      email: z.string().optional(),
      phone: z.string().optional(),
    }),
  ),
  goals: z.string(),
  communication: z.string(),
  sectorFocus: z.array(z.enum(sectors)),
  notes: z.string(),
  version: z.number().int(),
  updatedAt: isoDateTime,
});
export type Partnership = z.infer<typeof partnership>;
export const partnershipList = z.object({ items: z.array(partnership), total: z.number().int() });
export const partnershipQuery = z.strictObject({
  status: z.enum(partnershipStatuses).optional(),
  regionId: id.optional(),
  q: searchText.optional(),
  ...pageQuery,
});

export const partnershipCreate = z.strictObject({
  municipalityCode: cbsCode,
  ...partnershipFields,
  status: partnershipFields.status.default('draft'),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  contacts: partnershipFields.contacts.default([]),
  goals: longText.default(''),
  communication: longText.default(''),
  sectorFocus: partnershipFields.sectorFocus.default([]),
  notes: longText.default(''),
});
export type PartnershipCreate = z.infer<typeof partnershipCreate>;

/** An update names the version it was based on, so two editors cannot overwrite each other. */
export const partnershipUpdate = z.strictObject({
  version: z.number().int().min(1),
  ...z.object(partnershipFields).partial().shape,
});
export type PartnershipUpdate = z.infer<typeof partnershipUpdate>;

export const organisationErrors = defineErrors({
  'partnership.dates_invalid': { status: 400, message: 'The end date must be after the start date.' },
});
