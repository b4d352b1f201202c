import { describe, expect, it } from 'vitest';
import { AttachmentsPanel } from './pages/AttachmentsPanel.ts';
import { openWhenOnline, twoDeskWorld } from './harness/world.ts';
import { waitFor } from './harness/ports.ts';

/**
 * A photo taken at the desk while the network is down is part of the complaint at once; when the
 * network returns it reaches the server, and another desk of the hospital sees and opens it.
 */
// A real 2×1 PNG, so the viewer has something a browser can decode.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAADklEQVR4nGP4z8AAQv8BD/kD/YURmXYAAAAASUVORK5CYII=',
  'base64',
);

describe('attachments', () => {
  const world = twoDeskWorld();

  it('shows a photo added offline at once, uploads it when online, and a second desk opens it', async ({ onTestFailed }) => {
    onTestFailed(() => console.log(world().diagnostics()));
    const complaint = await world().admin.createComplaint({
      hospitalId: world().main.id,
      sourceCode: 'PATIENT',
      title: 'Broken wheelchair at the entrance',
      description: 'The brake of the wheelchair does not hold.',
      complainant: { name: 'Sara Al-Otaibi' },
    });
    const reference = complaint.referenceNumber;

    const a = await world().desk('A', 'desk_a');
    await openWhenOnline(a, reference);
    const panelA = new AttachmentsPanel(a.page);
    await a.setOffline(true);
    await a.shell.waitOffline();

    // A page saved as .png is not a photo: refused at the field, nothing added.
    await panelA.add({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await expect.poll(() => panelA.errors()).toEqual([{ code: 'wrong_type', text: expect.stringContaining('fake.png') }]);
    expect(await panelA.items().count()).toBe(0);

    await panelA.add({ name: 'wheelchair.png', mimeType: 'image/png', buffer: PHOTO });
    await panelA.waitForState('wheelchair.png', 'pending', 10_000);
    expect(await panelA.errors()).toEqual([]);
    await panelA.view('wheelchair.png');
    expect(await panelA.shownImageWidth('wheelchair.png')).toBe(2);

    const path = (id: string) => `/api/v1/complaints/${complaint.id}/attachments/${id}`;
    const attachmentId = await panelA.item('wheelchair.png').getAttribute('data-id');
    expect(attachmentId).toBeTruthy();
    expect((await world().admin.request('GET', path(attachmentId ?? ''))).status).toBe(404);

    await a.setOffline(false);
    await a.shell.waitOnline();
    await panelA.waitForState('wheelchair.png', 'uploaded');
    const stored = await fetch(`${world().server.url}${path(attachmentId ?? '')}`, {
      headers: { authorization: `Bearer ${world().adminSession.accessToken}` },
    });
    expect(stored.status).toBe(200);
    expect(stored.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await stored.arrayBuffer()).equals(PHOTO)).toBe(true);
    const events = await waitFor('the attachment on the timeline', async () => {
      const r = await world().admin.getComplaint(reference);
      const added = (r.body.events ?? []).filter((e) => e.type === 'attachment_added');
      return added.length > 0 ? added : null;
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ name: 'wheelchair.png', type: 'image/png', size: PHOTO.length });

    const b = await world().desk('B', 'desk_b');
    await openWhenOnline(b, reference);
    const panelB = new AttachmentsPanel(b.page);
    await panelB.waitForState('wheelchair.png', 'remote');
    await panelB.view('wheelchair.png');
    expect(await panelB.shownImageWidth('wheelchair.png')).toBe(2);
  });
});
