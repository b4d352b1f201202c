import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_COMPLAINT } from '../../shared/attachments.ts';
import { uuidv7, cryptoRandom } from '../../shared/ids.ts';
import { setupWorld, type World } from '../complaints/fixtures.ts';
import type { ComplaintView } from '../complaints/view.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { hospitalFolder, sweepTemporaryFiles } from './files.ts';

let srv: TestServer;
let w: World;
let complaintId: string;
beforeAll(async () => {
  srv = await startTestServer({ services: false });
  w = await setupWorld(srv);
  const created = await srv.call<ComplaintView>('POST', '/api/v1/complaints', {
    token: w.tokens.mainDesk,
    body: {
      hospitalId: w.main.id,
      sourceCode: 'PATIENT',
      title: 'Broken wheelchair',
      description: 'The wheelchair at the entrance has a broken brake.',
      complainant: { name: 'Sara' },
    },
  });
  complaintId = created.body.id;
});
afterAll(async () => {
  await srv?.close();
});

const newId = () => uuidv7(Date.now(), cryptoRandom);
const jpeg = (size = 2_000) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Buffer.from('JFIF'), randomBytes(size - 10)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const url = (attachmentId: string, cid = complaintId) => `${srv.url}/api/v1/complaints/${cid}/attachments/${attachmentId}`;

function put(attachmentId: string, body: Buffer, opts: { token?: string; type?: string; name?: string; cid?: string } = {}) {
  const q = opts.name === undefined ? '' : `?name=${encodeURIComponent(opts.name)}`;
  return fetch(url(attachmentId, opts.cid) + q, {
    method: 'PUT',
    headers: { authorization: `Bearer ${opts.token ?? w.tokens.mainDesk}`, 'content-type': opts.type ?? 'application/octet-stream' },
    body,
  });
}
const get = (attachmentId: string, token = w.tokens.mainDesk) => fetch(url(attachmentId), { headers: { authorization: `Bearer ${token}` } });

/** Every file of the main hospital's attachment folder that a GET could ever serve. */
async function servedFiles(): Promise<string[]> {
  const names = await fs.readdir(hospitalFolder(srv.deps.config.attachmentsDir, w.main.id)).catch(() => []);
  return names.filter((n) => !n.startsWith('.part-'));
}

describe('attachments API', () => {
  it('stores an upload and gives the same bytes back with safe headers', async () => {
    const bytes = jpeg();
    const id = newId();
    const res = await put(id, bytes, { type: 'image/jpeg', name: 'صورة الكرسي.jpg' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ id, complaintId, name: 'صورة الكرسي.jpg', type: 'image/jpeg', size: bytes.length, sha256: sha(bytes) });

    const back = await get(id);
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true);
    expect(back.headers.get('content-type')).toBe('image/jpeg');
    expect(back.headers.get('x-content-type-options')).toBe('nosniff');
    expect(back.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(back.headers.get('content-disposition')).toBe(
      `inline; filename="____ ______.jpg"; filename*=UTF-8''${encodeURIComponent('صورة الكرسي.jpg')}`,
    );
    expect(await servedFiles()).toContain(sha(bytes));
  });

  it("keeps another hospital's desk out: 404 on upload and on download, nothing written", async () => {
    const id = newId();
    expect((await put(id, jpeg(), { token: w.tokens.mainDesk })).status).toBe(201);
    expect((await get(id, w.tokens.northDesk)).status).toBe(404);
    const before = await servedFiles();
    const intruder = await put(newId(), jpeg(), { token: w.tokens.northDesk });
    expect(intruder.status).toBe(404);
    expect(await servedFiles()).toEqual(before);
    expect((await get(id, 'not-a-token')).status).toBe(401);
  });

  it('judges the type by the bytes: an HTML page declared as a PNG is refused with 422', async () => {
    const before = await servedFiles();
    const res = await put(newId(), Buffer.from('<html><script>alert(1)</script></html>'), { type: 'image/png', name: 'x.png' });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'attachment_rejected', reason: 'wrong_type' });
    expect(await servedFiles()).toEqual(before);
  });

  it('takes a real photo whatever Content-Type it was sent with, or none, and serves it as what it is', async () => {
    const asText = newId();
    expect((await put(asText, jpeg(), { type: 'text/html' })).status).toBe(201);
    expect((await get(asText)).headers.get('content-type')).toBe('image/jpeg');
    const bare = newId();
    const res = await fetch(url(bare), { method: 'PUT', headers: { authorization: `Bearer ${w.tokens.mainDesk}` }, body: new Uint8Array(jpeg()) });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ type: 'image/jpeg', name: 'attachment.jpg' });
  });

  it('refuses a file over 10 MB with 413, whether it says its length or streams it', async () => {
    const big = Buffer.concat([jpeg(), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const declared = await put(newId(), big, { type: 'image/jpeg' });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: 'attachment_rejected', reason: 'too_big' });

    const before = await servedFiles();
    const streamed = await fetch(url(newId()), {
      method: 'PUT',
      headers: { authorization: `Bearer ${w.tokens.mainDesk}`, 'content-type': 'image/jpeg' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await servedFiles()).toEqual(before);
  });

  it('takes a repeated upload of the same bytes once, and refuses other bytes under the same id', async () => {
    const bytes = jpeg();
    const id = newId();
    expect((await put(id, bytes)).status).toBe(201);
    const again = await put(id, bytes);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id, sha256: sha(bytes) });
    const { rows } = await srv.db.pool.query('SELECT id FROM attachments WHERE id = $1', [id]);
    expect(rows).toHaveLength(1);
    expect((await put(id, jpeg())).status).toBe(409);
    expect(Buffer.from(await (await get(id)).arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('leaves no half file when an upload is cut in the middle, and the same file can be sent again', async () => {
    const bytes = jpeg(1_000_000);
    const id = newId();
    const before = await servedFiles();
    await new Promise<void>((resolve) => {
      const req = http.request(url(id), {
        method: 'PUT',
        headers: { authorization: `Bearer ${w.tokens.mainDesk}`, 'content-type': 'image/jpeg', 'content-length': String(bytes.length) },
      });
      req.on('error', () => resolve());
      req.write(bytes.subarray(0, 300_000), () => setTimeout(() => req.destroy(), 200));
      req.on('close', () => resolve());
    });
    const folder = hospitalFolder(srv.deps.config.attachmentsDir, w.main.id);
    // The server notices the cut and removes its temporary file.
    await expect.poll(async () => (await fs.readdir(folder)).filter((n) => n.startsWith('.part-')).length, { timeout: 10_000 }).toBe(0);
    expect(await servedFiles()).toEqual(before);
    expect((await get(id)).status).toBe(404);

    const retry = await put(id, bytes, { type: 'image/jpeg' });
    expect(retry.status).toBe(201);
    expect(Buffer.from(await (await get(id)).arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('sweeps the temporary files a crashed server left behind', async () => {
    const folder = hospitalFolder(srv.deps.config.attachmentsDir, w.main.id);
    await fs.writeFile(path.join(folder, '.part-deadbeef'), 'half');
    expect(await sweepTemporaryFiles(srv.deps.config.attachmentsDir)).toBe(1);
    expect((await fs.readdir(folder)).some((n) => n.startsWith('.part-'))).toBe(false);
  });

  it(`refuses the ${MAX_ATTACHMENTS_PER_COMPLAINT + 1}st attachment of a complaint with 422`, async () => {
    const created = await srv.call<ComplaintView>('POST', '/api/v1/complaints', {
      token: w.tokens.mainDesk,
      body: { hospitalId: w.main.id, sourceCode: 'PATIENT', title: 'Many photos', description: 'x', complainant: { name: 'Ali' } },
    });
    const cid = created.body.id;
    for (let i = 0; i < MAX_ATTACHMENTS_PER_COMPLAINT; i++) expect((await put(newId(), jpeg(100), { cid })).status).toBe(201);
    const res = await put(newId(), jpeg(100), { cid });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'attachment_rejected', reason: 'too_many' });
  });
});
