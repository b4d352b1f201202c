import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { LoginResponse, SessionUser } from '../../shared/api.ts';
import type { Role } from '../../shared/enums.ts';
import { withTx, type Pool, type Queryable, type Tx } from '../db/pool.ts';
import { verifyPassword } from './passwords.ts';
import type { AccessTokenPayload } from './plugin.ts';

/**
 * Logins and refresh-token rotation.
 *
 * Refresh tokens are 256 random bits; only their SHA-256 is stored. Each refresh revokes the
 * token it used and issues a new one in the same family. Presenting a token that was already
 * revoked means it leaked (or was replayed): the whole family is revoked, logging out both the
 * thief and the owner, who logs in again. The one exception is a retry within
 * RETRY_GRACE_SECONDS whose replacement was never used: the answer was lost on the way back.
 */
export const REFRESH_TOKEN_TTL_DAYS = 30;
/** How long a retried refresh (same token, replacement unused) is taken as a lost answer. */
export const RETRY_GRACE_SECONDS = 30;

export type Signer = (payload: AccessTokenPayload) => string;

type UserRow = {
  id: string;
  username: string;
  password_hash: string | null;
  active: boolean;
  role: Role;
  hospital_id: string | null;
  display_name: string;
};

const USER_COLUMNS = `id, username, password_hash, active, role, hospital_id, doc->>'displayName' AS display_name`;

function sessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    hospitalId: row.hospital_id,
  };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

async function issueRefreshToken(db: Queryable, userId: string, familyId: string): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  await db.query(
    `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))`,
    [id, familyId, userId, hashToken(token), REFRESH_TOKEN_TTL_DAYS],
  );
  return { id, token };
}

function respond(sign: Signer, user: SessionUser, refreshToken: string): LoginResponse {
  const accessToken = sign({
    sub: user.id,
    role: user.role,
    hospitalId: user.hospitalId,
    username: user.username,
    displayName: user.displayName,
  });
  return { accessToken, refreshToken, user };
}

/**
 * Checks the credentials; null when they are wrong, the user is unknown, inactive or has no
 * password. `dummyHash` is verified for unknown users so every failure takes about as long.
 */
export async function login(
  pool: Pool,
  sign: Signer,
  dummyHash: string,
  username: string,
  password: string,
): Promise<LoginResponse | null> {
  const { rows } = await pool.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE lower(username) = lower($1) AND NOT deleted`,
    [username],
  );
  const row = rows[0];
  const ok = await verifyPassword(row?.password_hash ?? dummyHash, password);
  if (!row || !ok || !row.active || row.password_hash === null) return null;
  // Housekeeping: a user's long-dead tokens are of no use to anybody.
  await pool.query(`DELETE FROM refresh_tokens WHERE user_id = $1 AND expires_at < now() - interval '7 days'`, [row.id]);
  const { token } = await issueRefreshToken(pool, row.id, randomUUID());
  return respond(sign, sessionUser(row), token);
}

export type RefreshResult =
  | { ok: true; response: LoginResponse }
  | { ok: false; reason: 'invalid_refresh_token' | 'refresh_token_reused' };

export async function refresh(pool: Pool, sign: Signer, refreshToken: string): Promise<RefreshResult> {
  const tokenHash = hashToken(refreshToken);
  const outcome = await withTx(pool, async (tx: Tx): Promise<RefreshResult | { ok: true; user: SessionUser; token: string }> => {
    // Revoking with a conditional UPDATE makes two concurrent refreshes with one token race
    // safely: exactly one wins, the other is treated as reuse.
    const taken = await tx.query<{ id: string; family_id: string; user_id: string }>(
      `UPDATE refresh_tokens SET revoked_at = now()
       WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
       RETURNING id, family_id, user_id`,
      [tokenHash],
    );
    const current = taken.rows[0];
    if (!current) {
      const old = await tx.query<{ id: string; family_id: string; user_id: string; revoked: boolean; retry: boolean }>(
        `SELECT t.id, t.family_id, t.user_id, t.revoked_at IS NOT NULL AS revoked,
                (t.revoked_at > now() - make_interval(secs => $2) AND n.id IS NOT NULL AND n.revoked_at IS NULL) AS retry
         FROM refresh_tokens t LEFT JOIN refresh_tokens n ON n.id = t.replaced_by
         WHERE t.token_hash = $1 AND t.expires_at > now()
         FOR UPDATE OF t`,
        [tokenHash, RETRY_GRACE_SECONDS],
      );
      const known = old.rows[0];
      if (known?.retry) {
        // A desk on a flaky network retrying a refresh whose answer it never received: its
        // replacement was never used, so swap that replacement for a fresh one instead of
        // treating the retry as theft and logging the desk out.
        await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE id = (SELECT replaced_by FROM refresh_tokens WHERE id = $1)`, [known.id]);
        return rotate(tx, known);
      }
      if (known?.revoked) {
        await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
          known.family_id,
        ]);
        return { ok: false, reason: 'refresh_token_reused' };
      }
      return { ok: false, reason: 'invalid_refresh_token' };
    }
    return rotate(tx, current);
  });
  if (!outcome.ok) return outcome;
  if ('response' in outcome) return outcome;
  return { ok: true, response: respond(sign, outcome.user, outcome.token) };
}

/** Issues the next token of the family in place of `current` (already revoked by the caller). */
async function rotate(
  tx: Tx,
  current: { id: string; family_id: string; user_id: string },
): Promise<RefreshResult | { ok: true; user: SessionUser; token: string }> {
  const users = await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 AND NOT deleted`, [
    current.user_id,
  ]);
  const user = users.rows[0];
  if (!user || !user.active || user.password_hash === null) {
    await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
      current.family_id,
    ]);
    return { ok: false, reason: 'invalid_refresh_token' };
  }
  const next = await issueRefreshToken(tx, current.user_id, current.family_id);
  await tx.query(`UPDATE refresh_tokens SET replaced_by = $2 WHERE id = $1`, [current.id, next.id]);
  return { ok: true, user: sessionUser(user), token: next.token };
}

/** Revokes every refresh token of a user (e.g. when an admin deactivates them). */
export async function revokeAllSessions(db: Queryable, userId: string): Promise<void> {
  await db.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
}
