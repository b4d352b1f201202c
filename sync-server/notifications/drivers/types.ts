/**
 * What a delivery attempt came to, whatever the channel or provider. `retry` is worth trying
 * again later (busy, down, timed out); `permanent` never will be (the provider refused it).
 */
export type SendOutcome =
  | { kind: 'sent'; providerId: string | null }
  | { kind: 'not_sent'; reason: string }
  | { kind: 'retry'; error: string }
  | { kind: 'permanent'; error: string };

type Log = { info(obj: object, msg: string): void };
export type DriverLog = Log;

/** Tracking secrets and explanation tokens never go to a log line. */
export function redactLinks(text: string): string {
  return text.replace(/([?&]s=)[^\s&]+/g, '$1[redacted]').replace(/(\/explanations\/)[A-Za-z0-9_-]+/g, '$1[redacted]');
}
