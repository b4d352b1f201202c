// The SLA engine's pure parts, shared by the server's scheduler and the desk's projection.
export * from './types.ts';
export * from './schedule.ts';
export { DEFAULT_PAUSE_WHILE_WAITING, DEFAULT_REMINDER_HOURS_BEFORE, DEFAULT_SECOND_REMINDER_HOURS_BEFORE, firstReminderHours, secondReminderHours } from './policy.ts';
export { actionKey, isReopen, waitingIntervals } from './timeline.ts';
export { matchingRules } from './escalation.ts';
export { slaClock, type SlaClock } from './clock.ts';
export * from './calendar.ts';
export * from './appreciation.ts';
export * from './explanation.ts';
