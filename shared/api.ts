import { z } from 'zod';
import { CHANNELS, COMPLAINT_STATUSES, LANGUAGES, PRIORITIES, ROLES, SEVERITIES } from './enums.ts';
import type { Role } from './enums.ts';
import type { SeverityDefaults } from './sla.ts';

/** HTTP shapes shared by the server, the desk and the tests (brief §4). */

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(60),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Null for group-level users, who may see every hospital. */
  hospitalId: string | null;
};
export type LoginResponse = { accessToken: string; refreshToken: string; user: SessionUser };

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(10).max(500) });

export type HospitalSummary = { id: string; code: string; nameEn: string; nameAr: string };

/** POST /api/v1/reference-blocks: lease a block of reference numbers to a desk. */
export const leaseRequestSchema = z.object({
  deskId: z.string().min(1).max(40),
  hospitalId: z.string().min(1).max(40),
  year: z.number().int().min(2000).max(9999),
  size: z.number().int().min(1).max(500).default(50),
});
export type LeaseRequest = z.infer<typeof leaseRequestSchema>;
export type LeaseResponse = { year: number; start: number; end: number };

/** POST /api/v1/complaints (integration API). */
export const createComplaintRequestSchema = z.object({
  hospitalId: z.string().min(1).max(40),
  sourceCode: z.string().min(1).max(20),
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().min(1).max(10_000),
  severity: z.enum(SEVERITIES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  category: z.string().max(60).optional(),
  channel: z.enum(CHANNELS).optional(),
  departmentId: z.string().max(40).optional(),
  complainant: z.object({
    name: z.string().trim().min(1).max(120),
    phone: z.string().max(30).optional(),
    email: z.string().email().max(254).optional(),
    language: z.enum(LANGUAGES).optional(),
  }),
});
export type CreateComplaintRequest = z.infer<typeof createComplaintRequestSchema>;

export const patchComplaintRequestSchema = z
  .object({
    priority: z.enum(PRIORITIES),
    severity: z.enum(SEVERITIES),
    category: z.string().max(60).nullable(),
    departmentId: z.string().max(40).nullable(),
    assigneeId: z.string().max(40).nullable(),
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().min(1).max(10_000),
  })
  .partial()
  .strict();

export const transitionRequestSchema = z.object({
  to: z.enum(COMPLAINT_STATUSES),
  comment: z.string().max(4_000).optional(),
  resolution: z.string().max(4_000).optional(),
});

export const listQuerySchema = z.object({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  source: z.string().max(20).optional(),
  assignee: z.string().max(40).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
  hospitalId: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `422` body for bad input: one message key per field path (`complainant.phone`). */
export type FieldErrors = { error: 'validation_failed'; fields: Record<string, string> };

/** Turns a zod error into field errors keyed by dotted path; the message is a stable code. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.code === 'custom' ? issue.message : issue.code;
  }
  return { error: 'validation_failed', fields };
}

export const ROLE_LIST = ROLES;

/** GET /api/v1/server-info (bearer): what a desk needs to print links and texts as the server does. */
export type ServerInfo = {
  /** BASE_URL: the public base of tracking links, which may differ from the URL a desk uses. */
  publicBaseUrl: string;
  orgName: string;
  supportPhone: string | null;
  /**
   * The server's SLA hours per severity (setting `sla_severity_defaults`), used when no
   * configuration of the hospital applies; a severity left out falls back to 48 h. The desk's
   * offline projection needs them to show the times the server will use.
   */
  severityDefaults: SeverityDefaults;
};
