import type { SlaResourceName } from './api.ts';

/**
 * The three kinds of SLA settings: the API resource, the prefix of their test ids and the
 * translation keys of their labels (`<labels>.title`, `.empty`, `.new`, `.<field>`).
 */
export type SlaKind = { resource: SlaResourceName; prefix: string; labels: string };

export const CONFIGS: SlaKind = { resource: 'configs', prefix: 'sla-config', labels: 'slaAdmin.config' };
export const RULES: SlaKind = { resource: 'escalation-rules', prefix: 'sla-rule', labels: 'slaAdmin.rule' };
export const CALENDARS: SlaKind = { resource: 'calendars', prefix: 'sla-calendar', labels: 'slaAdmin.calendar' };
