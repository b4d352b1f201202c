import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateEntry, TemplateProblem, TemplateText } from '../../../shared/notifications/templates.ts';
import { useDesk } from '../../app/desk-context.ts';
import { resetTemplate, saveErrorOf, saveTemplate, type TemplateSaveError } from './api.ts';
import { editorView, problemMessage, textOf } from './model.ts';

type Props = { entry: TemplateEntry; onChanged(entry: TemplateEntry): void; onClose(): void };

/** One template in one language: its text, a live preview with sample values and, for an SMS, its cost. */
export function TemplateEditor({ entry, onChanged, onClose }: Props) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [text, setText] = useState<TemplateText>(() => textOf(entry));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<'saved' | 'reset' | null>(null);
  const [error, setError] = useState<TemplateSaveError | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const view = editorView(entry, text);
  // The server's verdict, until the text changes again; the live check otherwise.
  const problems = { ...view.problems, ...(error?.problems ?? {}) };
  const dir = entry.language === 'ar' ? 'rtl' : 'ltr';

  const edit = (patch: Partial<TemplateText>) => {
    setText((prev) => ({ ...prev, ...patch }));
    setDone(null);
    setError(null);
  };

  const insert = (variable: string) => {
    const el = bodyRef.current;
    const at = el ? el.selectionStart : text.body.length;
    const end = el ? el.selectionEnd : at;
    edit({ body: `${text.body.slice(0, at)}{${variable}}${text.body.slice(end)}` });
  };

  const run = async (action: () => Promise<TemplateEntry>, outcome: 'saved' | 'reset') => {
    setBusy(true);
    setError(null);
    try {
      const saved = await action();
      onChanged(saved);
      setText(textOf(saved));
      setDone(outcome);
    } catch (e) {
      setError(saveErrorOf(e));
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    if (Object.keys(view.problems).length > 0) {
      setError({ code: 'invalid', problems: view.problems });
      return;
    }
    void run(() => saveTemplate(desk.replication.api, desk.status.getSnapshot().online, desk.hospitalId, entry, text), 'saved');
  };
  const reset = () => void run(() => resetTemplate(desk.replication.api, desk.status.getSnapshot().online, desk.hospitalId, entry), 'reset');

  return (
    <section className="card template-editor" data-testid="template-editor" data-template={entry.template} data-language={entry.language}>
      <div className="template-editor-head">
        <h2>
          {t(`templates.name.${entry.template}`, { defaultValue: entry.template })} · {t(`language.${entry.language}`)}
        </h2>
        <button type="button" className="link-button" data-testid="template-close" onClick={onClose}>
          {t('templates.close')}
        </button>
      </div>
      {entry.channel === 'email' && (
        <label className="field">
          <span className="field-label">{t('templates.subject')}</span>
          <input data-testid="template-subject" dir={dir} value={text.subject ?? ''} onChange={(e) => edit({ subject: e.target.value })} />
          <ProblemText field="subject" problem={problems.subject} allowed={entry.variables} />
        </label>
      )}
      <label className="field">
        <span className="field-label">{t('templates.body')}</span>
        <textarea ref={bodyRef} data-testid="template-body" dir={dir} rows={7} value={text.body} onChange={(e) => edit({ body: e.target.value })} />
        <ProblemText field="body" problem={problems.body} allowed={entry.variables} />
      </label>
      <div className="template-variables">
        <span className="field-label">{t('templates.variables')}</span>
        {entry.variables.map((v) => (
          <button key={v} type="button" className="template-variable" data-testid={`template-variable-${v}`} title={t(`templates.variable.${v}`, { defaultValue: v })} onClick={() => insert(v)}>
            {`{${v}}`}
          </button>
        ))}
      </div>
      <div className="template-preview">
        <span className="field-label">{t('templates.preview')}</span>
        {view.preview.subject !== null && (
          <p dir={dir} data-testid="template-preview-subject">
            <strong>{view.preview.subject}</strong>
          </p>
        )}
        <pre dir={dir} data-testid="template-preview">
          {view.preview.body}
        </pre>
        {view.count && (
          <p
            className="muted"
            data-testid="template-count"
            data-encoding={view.count.encoding}
            data-segments={view.count.segments}
            data-characters={view.count.characters}
          >
            {t('templates.count', {
              characters: view.count.characters,
              segments: view.count.segments,
              encoding: t(view.count.encoding === 'UCS-2' ? 'templates.encodingUcs2' : 'templates.encodingGsm7'),
              per: view.count.perSegment,
            })}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="button" data-testid="template-save" disabled={busy} onClick={save}>
          {busy ? t('templates.saving') : t('templates.save')}
        </button>
        {entry.override && (
          <button type="button" className="link-button" data-testid="template-reset" disabled={busy} onClick={reset}>
            {t('templates.reset')}
          </button>
        )}
        {done && (
          <span className="muted" data-testid="template-saved" role="status">
            {t(done === 'saved' ? 'templates.saved' : 'templates.resetDone')}
          </span>
        )}
        {error && (
          <span className="field-error" role="alert" data-testid="template-save-error" data-code={error.code}>
            {t(`templates.error.${error.code}`)}
          </span>
        )}
      </div>
    </section>
  );
}

function ProblemText({ field, problem, allowed }: { field: 'body' | 'subject'; problem: TemplateProblem | undefined; allowed: readonly string[] }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <span
      className="field-error"
      role="alert"
      data-testid={`template-error-${field}`}
      data-code={problem.code}
      data-variable={problem.code === 'unknown_variable' ? problem.variable : undefined}
    >
      {problemMessage(t, problem, allowed)}
    </span>
  );
}
