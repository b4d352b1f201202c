import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginErrorCode } from '../../auth/login.ts';
import { LanguageToggle } from '../shell/LanguageToggle.tsx';

export type LoginSubmit = { serverUrl: string; username: string; password: string };

type Props = {
  /** Null: the server URL is given by the platform and the field is hidden. */
  initialServerUrl: string;
  askServerUrl: boolean;
  onSubmit(values: LoginSubmit): Promise<LoginErrorCode | 'start_failed' | null>;
};

export function LoginPage({ initialServerUrl, askServerUrl, onSubmit }: Props) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState(initialServerUrl);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return setError('required');
    setBusy(true);
    setError(null);
    try {
      setError(await onSubmit({ serverUrl, username, password }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <div className="login-top">
        <LanguageToggle />
      </div>
      <form className="card login-card" onSubmit={submit} noValidate>
        <h1>{t('app.name')}</h1>
        <h2>{t('login.title')}</h2>
        {askServerUrl && (
          <label className="field">
            <span className="field-label">{t('login.server')}</span>
            <input
              data-testid="login-server"
              type="url"
              dir="ltr"
              value={serverUrl}
              placeholder={t('login.serverHint')}
              onChange={(e) => setServerUrl(e.target.value)}
            />
          </label>
        )}
        <label className="field">
          <span className="field-label">{t('login.username')}</span>
          <input
            data-testid="login-username"
            autoComplete="username"
            dir="ltr"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('login.password')}</span>
          <input
            data-testid="login-password"
            type="password"
            autoComplete="current-password"
            dir="ltr"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="login-error">
            {t(`login.errors.${error}`)}
          </p>
        )}
        <button data-testid="login-submit" type="submit" className="primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
