import type { SlaConfigDoc } from './documents.ts';
import type { ComplaintType, Priority, Severity } from './enums.ts';

/**
 * Which SLA applies to a complaint (brief §3): a source-based configuration of the complaint's
 * hospital wins over a severity/priority configuration of that hospital, which wins over the
 * server's defaults per severity, which win over 48 hours. Appreciations get no SLA.
 */
export const FALLBACK_SLA_HOURS = 48;
export const HOUR_MS = 3_600_000;

export type SlaSubject = {
  hospitalId: string;
  sourceCode: string;
  severity: Severity;
  priority: Priority;
  type: ComplaintType;
};

export type SeverityDefaults = Partial<Record<Severity, number>>;

/** The configuration that decides the SLA, or null when none of the hospital's applies. */
export function slaConfigFor(subject: SlaSubject, configs: readonly SlaConfigDoc[]): SlaConfigDoc | null {
  const own = configs.filter((c) => c.active && c.hospitalId === subject.hospitalId);
  const bySource = own.find((c) => c.sourceCode === subject.sourceCode);
  if (bySource) return bySource;
  // Among the severity/priority configurations, the most specific match wins: both set, then
  // severity only, then priority only, then one that leaves both open (a hospital-wide default).
  const generic = own.filter((c) => c.sourceCode === null);
  const score = (c: SlaConfigDoc): number => {
    if (c.severity !== null && c.severity !== subject.severity) return -1;
    if (c.priority !== null && c.priority !== subject.priority) return -1;
    return (c.severity !== null ? 2 : 0) + (c.priority !== null ? 1 : 0);
  };
  let best: SlaConfigDoc | null = null;
  let bestScore = -1;
  for (const c of generic) {
    const s = score(c);
    // Ties go to the configuration with the smaller id, so the answer never depends on row order.
    if (s > bestScore || (s === bestScore && best !== null && s >= 0 && c.id < best.id)) {
      best = c;
      bestScore = s;
    }
  }
  return bestScore >= 0 ? best : null;
}

export function slaHoursFor(
  subject: SlaSubject,
  configs: readonly SlaConfigDoc[],
  severityDefaults: SeverityDefaults = {},
): number | null {
  if (subject.type === 'appreciation') return null;
  const config = slaConfigFor(subject, configs);
  if (config) return config.slaHours;
  return severityDefaults[subject.severity] ?? FALLBACK_SLA_HOURS;
}

/** The SLA due time (epoch ms) of a complaint created at `createdAt`, or null for no SLA. */
export function dueAtFor(
  subject: SlaSubject & { createdAt: number },
  configs: readonly SlaConfigDoc[],
  severityDefaults: SeverityDefaults = {},
): number | null {
  const hours = slaHoursFor(subject, configs, severityDefaults);
  return hours === null ? null : subject.createdAt + Math.round(hours * HOUR_MS);
}
