/**
 * Saves a text as a file through a Blob link. A download is not a navigation, so the window's
 * navigation guard and the CSP (no blob: needed for an anchor's href) leave it alone; in Electron
 * the session's default download handling asks where to save.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked a little later: the download reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
