import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An administration editor's frame: the fields and save outcome (children), then save and close.
 * The browser's own validation is off: the desk checks and says what is wrong in its words.
 * Test ids `<prefix>-form`, `<prefix>-save`, `<prefix>-close`.
 */
export function EditForm(p: { prefix: string; saving: boolean; closeLabel: string; onSubmit(): void; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <form
      className="sla-edit"
      data-testid={`${p.prefix}-form`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      {p.children}
      <div className="form-actions">
        <button type="submit" data-testid={`${p.prefix}-save`} disabled={p.saving}>
          {p.saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="link-button" data-testid={`${p.prefix}-close`} onClick={p.onClose}>
          {p.closeLabel}
        </button>
      </div>
    </form>
  );
}
