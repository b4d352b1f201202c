import { z } from 'zod';
import { CHANNELS, LANGUAGES, PRIORITIES, SEVERITIES } from '../../../shared/enums.ts';
import type { Channel, Language, Priority, Severity } from '../../../shared/enums.ts';
import { normalizePhone } from '../../../shared/phone.ts';
import { fieldErrorsFrom, type FieldErrors } from '../validation.ts';

/** What the intake form holds: strings as typed, before normalisation. */
export type IntakeValues = {
  sourceCode: string;
  channel: Channel;
  title: string;
  description: string;
  severity: Severity;
  priority: Priority;
  category: string;
  departmentId: string;
  name: string;
  phone: string;
  email: string;
  language: Language;
  smsOptOut: boolean;
};

export const emptyIntake = (language: Language): IntakeValues => ({
  sourceCode: '',
  channel: 'walk_in',
  title: '',
  description: '',
  severity: 'medium',
  priority: 'medium',
  category: '',
  departmentId: '',
  name: '',
  phone: '',
  email: '',
  language,
  smsOptOut: false,
});

/** Normalised intake, ready to become a complaint. */
export type IntakeData = {
  sourceCode: string;
  channel: Channel;
  title: string;
  description: string;
  severity: Severity;
  priority: Priority;
  category: string | null;
  departmentId: string | null;
  complainant: { name: string; phone: string | null; email: string | null; language: Language; smsOptOut: boolean };
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v));

// Field paths match the complaint document, so the error keys are the document's field names.
const intakeSchema = z.object({
  sourceCode: z.string().trim().min(1).max(20),
  channel: z.enum(CHANNELS),
  // min(1) first: an empty title reads "required", a short one "at least 3".
  title: z.string().trim().min(1).min(3).max(200),
  description: z.string().trim().min(1).max(10_000),
  severity: z.enum(SEVERITIES),
  priority: z.enum(PRIORITIES),
  category: optionalText(60),
  departmentId: optionalText(40),
  complainant: z.object({
    name: z.string().trim().min(1).max(120),
    phone: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === '') return null;
        const result = normalizePhone(v);
        if (!result.ok) {
          ctx.addIssue({ code: 'custom', message: 'invalid_phone' });
          return z.NEVER;
        }
        return result.e164;
      }),
    email: z.union([z.literal('').transform(() => null), z.string().trim().pipe(z.email().max(254))]),
    language: z.enum(LANGUAGES),
    smsOptOut: z.boolean(),
  }),
});

export function validateIntake(values: IntakeValues): { ok: true; data: IntakeData } | { ok: false; errors: FieldErrors } {
  const parsed = intakeSchema.safeParse({
    ...values,
    complainant: {
      name: values.name,
      phone: values.phone,
      email: values.email.trim(),
      language: values.language,
      smsOptOut: values.smsOptOut,
    },
  });
  if (!parsed.success) return { ok: false, errors: fieldErrorsFrom(parsed.error) };
  return { ok: true, data: parsed.data };
}
