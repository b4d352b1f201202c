import { useEffect } from 'react';
import { hrefFor, navigate } from '../../app/router.ts';

/**
 * Desk-wide keyboard shortcuts, on physical keys (`KeyboardEvent.code`) so they work the same
 * with the Arabic layout, where the N key types "ى". Alt+letter types nothing on Windows or
 * Linux (AltGr, which types, reports Ctrl+Alt and is left alone):
 * - Alt+N: a new complaint, from anywhere (also a fresh form after the last one was saved);
 * - Alt+L: the complaint list, with the cursor in its search box.
 * In the intake form Ctrl+Enter saves (intake/IntakePage.tsx).
 */
export const NEW_COMPLAINT_EVENT = 'desk:new-complaint';
export const FOCUS_SEARCH_EVENT = 'desk:focus-search';

export type Shortcut = 'new' | 'list' | null;

let searchFocusWanted = false;
/** True once after Alt+L: the list, when it mounts or is told, puts the cursor in its search box. */
export function takeSearchFocusRequest(): boolean {
  const wanted = searchFocusWanted;
  searchFocusWanted = false;
  return wanted;
}

/** Which shortcut a key press is, if any. */
export function shortcutOf(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): Shortcut {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  if (e.code === 'KeyN') return 'new';
  if (e.code === 'KeyL') return 'list';
  return null;
}

export function useDeskShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = shortcutOf(e);
      if (!s) return;
      e.preventDefault();
      if (s === 'new') {
        if (window.location.hash === hrefFor.new) window.dispatchEvent(new Event(NEW_COMPLAINT_EVENT));
        else navigate(hrefFor.new);
      } else {
        // The list may mount only after this: it takes the request when it does.
        searchFocusWanted = true;
        navigate(hrefFor.list);
        window.dispatchEvent(new Event(FOCUS_SEARCH_EVENT));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
