/**
 * The outbox benchmark's SMS gateway, in a process of its own (as a real gateway is elsewhere):
 * the tests' fake gateway on a loopback port. Prints `{"url": …}` once listening; `GET` on the
 * same URL answers {requests, references, delivered}. Stops when its parent closes stdin.
 */
import { startFakeGateway } from '../sync-server/notifications/testing.ts';

const gw = await startFakeGateway();
process.stdout.write(`${JSON.stringify({ url: gw.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void gw.close().then(() => process.exit(0));
});
