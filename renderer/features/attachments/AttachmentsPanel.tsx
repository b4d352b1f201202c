import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_TYPES, attachmentMetaOf, type AttachmentError, type AttachmentMeta } from '../../../shared/attachments.ts';
import type { ComplaintDoc, TimelineEventDoc } from '../../../shared/documents.ts';
import { cryptoRandom, uuidv7 } from '../../../shared/ids.ts';
import { useDesk } from '../../app/desk-context.ts';
import { attachmentAdded, readAttachment } from './add.ts';
import type { LocalFile, LocalFiles } from './local-files.ts';
import { attachmentUploadsOf } from './uploads.ts';
import { AttachmentViewer } from './AttachmentViewer.tsx';

/**
 * The complaint's attachments: every `attachment_added` event of its timeline, with this desk's
 * upload state for the files added here. Files are added by the picker or by dropping them on the
 * panel, offline as well: they show at once and upload when the desk is online.
 */
type Listed = { id: string; meta: AttachmentMeta; actorName: string | null };
type Refused = { name: string; error: AttachmentError };

export function AttachmentsPanel({ complaint, events }: { complaint: ComplaintDoc; events: TimelineEventDoc[] }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const uploads = attachmentUploadsOf(desk.hospitalId);
  const local = useLocalFiles(uploads?.files ?? null, complaint.id);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const listed: Listed[] = [];
  for (const e of events) {
    const meta = e.type === 'attachment_added' ? attachmentMetaOf(e.data) : null;
    if (meta) listed.push({ id: e.id, meta, actorName: e.actorName });
  }

  async function add(files: File[]) {
    if (!uploads || files.length === 0) return;
    setBusy(true);
    const errors: Refused[] = [];
    let existing = listed.length;
    try {
      for (const file of files) {
        const read = await readAttachment(file, existing);
        if (!read.ok) {
          errors.push({ name: read.name, error: read.error });
          continue;
        }
        const now = Date.now();
        const id = uuidv7(now, cryptoRandom);
        // The bytes first: when the event shows, this desk can already display the file.
        await uploads.files.put(
          { ...read.meta, id, complaintId: complaint.id, hospitalId: complaint.hospitalId, state: 'pending', reason: null, addedAt: now },
          read.bytes,
        );
        const { patch, event } = attachmentAdded(complaint, read.meta, {
          id, now, user: { id: desk.user.id, displayName: desk.user.displayName || desk.user.username },
        });
        await desk.writer.changeComplaint(complaint.id, patch, event);
        existing++;
      }
    } finally {
      setRefused(errors);
      setBusy(false);
      uploads.kick();
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void add([...e.dataTransfer.files]);
  };

  return (
    <section
      className={`card attachments${dragging ? ' dropping' : ''}`}
      data-testid="attachments-panel"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h3>{t('attachments.title')}</h3>
      {listed.length === 0 && <p className="muted">{t('attachments.none')}</p>}
      <ul className="attachment-list">
        {listed.map((a) => {
          const mine = local.get(a.id);
          return (
            <li key={a.id} data-testid="attachment-item" data-id={a.id} data-state={mine?.state ?? 'remote'}>
              <span dir="auto">{a.meta.name}</span> <span className="muted">
                · {t('attachments.size', { kb: Math.max(1, Math.round(a.meta.size / 1024)) })}
                {a.actorName ? ` · ${a.actorName}` : ''}
              </span>{' '}
              {mine && <State file={mine} />}{' '}
              <button type="button" data-testid="attachment-view" onClick={() => setOpen(open === a.id ? null : a.id)}>
                {open === a.id ? t('attachments.hide') : t('attachments.view')}
              </button>
              {open === a.id && <AttachmentViewer complaintId={complaint.id} id={a.id} meta={a.meta} files={mine ? (uploads?.files ?? null) : null} />}
            </li>
          );
        })}
      </ul>
      <label className="field">
        <span>{t('attachments.add')}</span>
        <input
          type="file"
          multiple
          accept={ATTACHMENT_TYPES.join(',')}
          data-testid="attachments-input"
          disabled={busy || !uploads}
          aria-invalid={refused.length > 0}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void add(files);
          }}
        />
        <span className="muted">{t('attachments.hint')}</span>
        {refused.map((r, i) => (
          <span key={i} className="field-error" role="alert" data-testid="attachments-error" data-error={r.error}>
            {t(errorKey(r.error), { name: r.name })}
          </span>
        ))}
      </label>
    </section>
  );
}

const ERROR_KEYS: Record<AttachmentError, string> = {
  too_big: 'attachments.error.tooBig',
  wrong_type: 'attachments.error.wrongType',
  empty: 'attachments.error.empty',
  too_many: 'attachments.error.tooMany',
};

/** A refusal's message: the desk's own check or the server's `reason` (anything else: refused). */
function errorKey(reason: string | null): string {
  return reason !== null && reason in ERROR_KEYS ? ERROR_KEYS[reason as AttachmentError] : 'attachments.error.conflict';
}

function State({ file }: { file: LocalFile }) {
  const { t } = useTranslation();
  if (file.state === 'rejected') {
    return (
      <span className="badge overdue" data-testid="attachment-state">
        {t(errorKey(file.reason), { name: file.name })}
      </span>
    );
  }
  return (
    <span className="badge" data-testid="attachment-state">
      {t(file.state === 'pending' ? 'attachments.pending' : 'attachments.uploaded')}
    </span>
  );
}

/** This desk's files of the complaint, kept current as they are added and uploaded. */
function useLocalFiles(files: LocalFiles | null, complaintId: string): Map<string, LocalFile> {
  const [map, setMap] = useState<Map<string, LocalFile>>(new Map());
  useEffect(() => {
    if (!files) return;
    let live = true;
    const load = () =>
      void files.ofComplaint(complaintId).then(
        (list) => live && setMap(new Map(list.map((f) => [f.id, f]))),
        (e: unknown) => console.error(e),
      );
    load();
    const off = files.onChange(load);
    return () => {
      live = false;
      off();
    };
  }, [files, complaintId]);
  return map;
}
