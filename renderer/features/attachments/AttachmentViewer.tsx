import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentPath, isImageType, type AttachmentMeta } from '../../../shared/attachments.ts';
import { useDesk } from '../../app/desk-context.ts';
import type { LocalFiles } from './local-files.ts';

/**
 * Shows one attachment: from this desk's copy when it has one (offline too), else fetched from the
 * server with the desk's token. Images inline; a PDF is handed to the system's viewer as a file
 * (the desk's CSP allows no frames or plugins, so a PDF never renders inside the app).
 */
type Loaded = { kind: 'url'; url: string } | { kind: 'missing' } | { kind: 'offline' } | { kind: 'loading' };

/** `files`: this desk's store when the file was added here (its copy is shown), else null. */
export function AttachmentViewer(props: { complaintId: string; id: string; meta: AttachmentMeta; files: LocalFiles | null }) {
  const { complaintId, id, meta, files } = props;
  const { t } = useTranslation();
  const desk = useDesk();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    let url: string | null = null;
    let live = true;
    const show = (blob: Blob) => {
      url = URL.createObjectURL(blob);
      if (live) setLoaded({ kind: 'url', url });
      else URL.revokeObjectURL(url);
    };
    const fromServer = () =>
      desk.replication.api.request(attachmentPath(complaintId, id)).then(
        async (res) => {
          if (!res.ok) {
            await res.body?.cancel();
            if (live) setLoaded({ kind: res.status === 404 ? 'missing' : 'offline' });
            return;
          }
          show(new Blob([await res.arrayBuffer()], { type: meta.type }));
        },
        () => live && setLoaded({ kind: 'offline' }),
      );
    if (files) {
      void files.bytesOf(id).then(
        (bytes) => (bytes ? show(new Blob([bytes], { type: meta.type })) : fromServer()),
        () => fromServer(),
      );
    } else void fromServer();
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [desk, files, complaintId, id, meta.type]);

  if (loaded.kind === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (loaded.kind === 'missing') return <p className="muted" data-testid="attachment-missing">{t('attachments.notUploaded')}</p>;
  if (loaded.kind === 'offline') return <p className="muted" data-testid="attachment-offline">{t('attachments.offline')}</p>;
  return (
    <div className="attachment-viewer" data-testid="attachment-viewer">
      {isImageType(meta.type) ? (
        <img data-testid="attachment-image" src={loaded.url} alt={meta.name} style={{ maxWidth: '100%', maxHeight: '70vh' }} />
      ) : (
        <a data-testid="attachment-pdf" href={loaded.url} download={meta.name}>
          {t('attachments.openPdf')}
        </a>
      )}
    </div>
  );
}
