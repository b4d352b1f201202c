import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/enums.ts';
import { createI18n } from '../../i18n/index.ts';
import { AdminNavLink } from './NavLink.tsx';

async function render(role: Role, userHospital: string | null, lang: 'ar' | 'en' = 'en') {
  const i18n = await createI18n(lang);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <AdminNavLink user={{ role, hospitalId: userHospital }} hospitalId="h1" active={false} />
    </I18nextProvider>,
  );
}

describe('administration navigation', () => {
  it('shows the link to admins, PX admins and hospital admins only', async () => {
    for (const role of ROLES) {
      const shown = (await render(role, 'h1')).includes('data-testid="nav-admin"');
      expect(shown, role).toBe(role === 'admin' || role === 'px_admin' || role === 'hospital_admin');
    }
  });

  it('hides it from a hospital admin of another hospital and translates it', async () => {
    expect(await render('hospital_admin', 'h2')).toBe('');
    expect(await render('admin', null, 'ar')).toContain('الإدارة');
  });
});
