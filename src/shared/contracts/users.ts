import { z } from 'zod';
import { limits } from '../limits.ts';
import { municipalFunctions, roles } from '../roles.ts';
import {
  cbsCode,
  email,
  id,
  isoDateTime,
  locale,
  pageQuery,
  searchText,
  shortText,
  defineErrors,
} from './common.ts';
import { roleAssignment } from './auth.ts';

export const roleAssignmentInput = z.strictObject({
  role: z.enum(roles),
  regionId: id.optional(),
  municipalityCode: cbsCode.optional(),
  municipalFunction: z.enum(municipalFunctions).optional(),
  employerId: id.optional(),
});
export type RoleAssignmentInput = z.infer<typeof roleAssignmentInput>;

export const user = z.object({
  id,
  email: z.string(),
  displayName: z.string(),
  preferredLanguage: locale,
  roles: z.array(roleAssignment),
  status: z.enum(['invited', 'active', 'disabled']),
  hasSecondFactor: z.boolean(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof user>;
export const userList = z.object({ items: z.array(user), total: z.number().int() });
export const userQuery = z.strictObject({
  q: searchText.optional(),
  role: z.enum(roles).optional(),
  status: z.enum(['invited', 'active', 'disabled']).optional(),
  ...pageQuery,
});

export const invitationCreate = z.strictObject({
  email,
  displayName: shortText.min(1),
  preferredLanguage: locale.default('nl'),
  roles: z.array(roleAssignmentInput).min(1).max(10),
});

export const userUpdate = z.strictObject({
  displayName: shortText.min(1).optional(),
  disabled: z.boolean().optional(),
  roles: z.array(roleAssignmentInput).min(1).max(10).optional(),
});

export const employer = z.object({ id, name: z.string(), kvkNumber: z.string().nullable() });
export const employerList = z.object({ items: z.array(employer) });

export const userSearchLimit = limits.pageSize;

/** A role an administrator gave that waits for a lead's confirmation. */
export const roleToConfirm = z.object({
  id,
  userId: id,
  displayName: z.string(),
  email: z.string(),
  role: z.enum(roles),
  regionId: id.nullable(),
  municipalityCode: z.string().nullable(),
});
export const roleToConfirmList = z.object({ items: z.array(roleToConfirm) });

export const userErrors = defineErrors({
  'user.email_taken': { status: 409, message: 'There is already an account with this e-mail address.' },
  'user.scope_required': { status: 400, message: 'This role needs a region, municipality or employer.' },
});
