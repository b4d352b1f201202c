import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILT_IN_VIEWS, type BuiltInView, type SavedView } from './views.ts';

type Props = {
  active: string | null;
  saved: SavedView[];
  onBuiltIn(view: BuiltInView): void;
  onSaved(view: SavedView): void;
  onSave(name: string): Promise<void>;
  onRemove(id: string): void;
};

/** The views bar: the built-in views, the user's saved ones, and saving the current list as one. */
export function ListViews({ active, saved, onBuiltIn, onSaved, onSave, onRemove }: Props) {
  const { t } = useTranslation();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(true);
    await onSave(name);
    setNaming(false);
    setName('');
    setError(false);
  };

  return (
    <div className="list-views" role="toolbar" aria-label={t('list.views')}>
      {BUILT_IN_VIEWS.map((v) => (
        <button key={v} type="button" data-testid={`view-${v}`} className={active === v ? 'chip active' : 'chip'} aria-pressed={active === v} onClick={() => onBuiltIn(v)}>
          {t(`list.view.${v}`)}
        </button>
      ))}
      {saved.map((v) => (
        <span key={v.id} className={active === v.id ? 'chip active' : 'chip'}>
          <button type="button" className="link-button" data-testid="saved-view" data-name={v.name} aria-pressed={active === v.id} onClick={() => onSaved(v)}>
            <bdi>{v.name}</bdi>
          </button>
          <button type="button" className="link-button" aria-label={t('list.removeView', { name: v.name })} onClick={() => onRemove(v.id)}>
            ×
          </button>
        </span>
      ))}
      {naming ? (
        <form className="save-view" onSubmit={submit} noValidate>
          <input
            data-testid="view-name"
            autoFocus
            value={name}
            maxLength={60}
            placeholder={t('list.viewName')}
            aria-label={t('list.viewName')}
            aria-invalid={error}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setNaming(false);
            }}
          />
          <button type="submit" data-testid="view-save-confirm">
            {t('common.save')}
          </button>
          {error && (
            <span className="field-error" role="alert">
              {t('list.viewNameRequired')}
            </span>
          )}
        </form>
      ) : (
        <button type="button" className="link-button" data-testid="view-save" onClick={() => setNaming(true)}>
          {t('list.saveView')}
        </button>
      )}
    </div>
  );
}
