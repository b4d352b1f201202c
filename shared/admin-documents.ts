import { z } from 'zod';

/**
 * A complaint category of a hospital (issue 6, administration). A complaint's `category` holds the
 * category's `code`. `specialistIds` are the staff of the hospital who are experts in it: automatic
 * assignment prefers them (source document 003, "Spécialisation : agents experts par catégorie").
 */
export const categoryDocSchema = z.object({
  id: z.string().min(1).max(40),
  hospitalId: z.string().min(1).max(40),
  code: z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9_-]+$/),
  nameEn: z.string().trim().max(200),
  nameAr: z.string().trim().max(200),
  specialistIds: z.array(z.string().min(1).max(40)).max(200),
  active: z.boolean(),
  updatedAt: z.number().int().min(0).max(8_640_000_000_000_000),
});
export type CategoryDoc = z.infer<typeof categoryDocSchema>;

/** The hospital's assignment settings (server-kept, not replicated). Off by default. */
export const assignmentSettingsSchema = z.object({ autoAssign: z.boolean() });
export type AssignmentSettings = z.infer<typeof assignmentSettingsSchema>;

/** A new password set by an administrator for a member of staff. */
export const passwordSchema = z.string().min(8).max(200);
