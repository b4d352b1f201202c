import type { TemplateEntry, TemplateFieldProblems, TemplateProblem, TemplateText } from '../../../shared/notifications/templates.ts';
import { HttpError, OfflineError, type Api } from '../../sync/http.ts';

/**
 * The templates API (sync-server/routes/templates.ts). Templates are the server's and not
 * replicated: the page reads and writes them online only, and says so when offline.
 */
export type TemplateRef = Pick<TemplateEntry, 'template' | 'channel' | 'language'>;

const pathOf = (r: TemplateRef) => `/api/v1/templates/${r.channel}/${r.template}/${r.language}`;

export async function listTemplates(api: Api, hospitalId: string): Promise<TemplateEntry[]> {
  return (await api.json<{ data: TemplateEntry[] }>('/api/v1/templates', { query: { hospitalId } })).data;
}

export async function saveTemplate(api: Api, online: boolean, hospitalId: string, ref: TemplateRef, text: TemplateText): Promise<TemplateEntry> {
  if (!online) throw new OfflineError(new Error('the desk is offline'));
  const body = ref.channel === 'email' ? { body: text.body, subject: text.subject ?? '' } : { body: text.body };
  return api.json<TemplateEntry>(pathOf(ref), { method: 'PATCH', query: { hospitalId }, body });
}

export async function resetTemplate(api: Api, online: boolean, hospitalId: string, ref: TemplateRef): Promise<TemplateEntry> {
  if (!online) throw new OfflineError(new Error('the desk is offline'));
  return api.json<TemplateEntry>(pathOf(ref), { method: 'DELETE', query: { hospitalId } });
}

/** Why a save failed, each a key under `templates.error`. */
export type TemplateSaveErrorCode = 'offline' | 'forbidden' | 'not_found' | 'invalid' | 'signed_out' | 'server';
export type TemplateSaveError = { code: TemplateSaveErrorCode; problems: TemplateFieldProblems };

const PROBLEM_CODES = new Set(['required', 'too_long', 'unknown_variable', 'empty_variable', 'unclosed_brace', 'unopened_brace']);

function problemsOf(body: unknown): TemplateFieldProblems {
  const raw = (body as { problems?: unknown } | null)?.problems;
  const out: TemplateFieldProblems = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const field of ['body', 'subject'] as const) {
    const p = (raw as Record<string, unknown>)[field];
    if (p && typeof p === 'object' && PROBLEM_CODES.has(String((p as { code?: unknown }).code))) out[field] = p as TemplateProblem;
  }
  return out;
}

export function saveErrorOf(error: unknown): TemplateSaveError {
  if (error instanceof OfflineError) return { code: 'offline', problems: {} };
  if (!(error instanceof HttpError)) return { code: 'server', problems: {} };
  if (error.status === 401) return { code: 'signed_out', problems: {} };
  if (error.status === 403) return { code: 'forbidden', problems: {} };
  if (error.status === 404) return { code: 'not_found', problems: {} };
  if (error.status === 422) return { code: 'invalid', problems: problemsOf(error.body) };
  return { code: 'server', problems: {} };
}
