import core from './001_core.ts';
import complaints from './002_complaints.ts';
import sla from './003_sla.ts';
import explanations from './004_explanations.ts';
import thresholds from './005_thresholds.ts';
import outbox from './006_outbox.ts';
import templates from './007_templates.ts';
import publicPages from './008_public.ts';
import admin from './009_admin.ts';
import attachments from './010_attachments.ts';
import complaintsSeqIndex from './011_complaints_seq_index.ts';
import type { Migration } from './types.ts';

/** Every migration, in order. Append new ones at the end; never reorder or rename applied ones. */
export const migrations: readonly Migration[] = [core, complaints, sla, explanations, thresholds, outbox, templates, publicPages, admin, attachments, complaintsSeqIndex];
