import type { MailDriver } from './drivers/mail.ts';
import type { SmsDriver } from './drivers/sms.ts';
import { redactLinks, type SendOutcome } from './drivers/types.ts';
import type { AttemptResult } from './record.ts';
import { renderFor, type OverrideLookup, type RenderConfig } from './render.ts';
import type { ClaimedMessage } from './store.ts';

/**
 * One delivery attempt of one message: claim it (count the attempt, lease it), check the opt-out
 * as it stands now, render, hand it to the driver, and record what came of it. The SMS text is
 * fixed at the first attempt and sent unchanged with the same `reference` on every later one, so
 * a gateway that already has it (an answer lost to a time-out or a crash) drops the repeat.
 */
export type DeliveryDeps = {
  /**
   * Claims the message for one attempt (store.ts claimMessages); null when there is nothing to do,
   * `wait` while an earlier SMS of the same complaint to the same number is still on its way.
   */
  claim: (id: string) => Promise<ClaimedMessage | 'wait' | null>;
  now: () => number;
  config: RenderConfig & { mailFrom: string };
  sms: SmsDriver;
  mail: MailDriver;
  overrides: OverrideLookup;
  /**
   * Records a result. Awaited only before a retry (the next attempt must find the row released);
   * otherwise the slot is free as soon as the provider has answered, and a result lost to a crash
   * before it was recorded is covered by the lease: the message is sent again under the same
   * reference.
   */
  record: (result: AttemptResult) => Promise<void>;
};

/**
 * `retry`: the attempt failed for now and the job should run again after graphile's back-off.
 * `wait`: no attempt was made; the job should run again soon (an earlier SMS goes first).
 */
export type DeliveryResult = { kind: 'done' } | { kind: 'wait' } | { kind: 'retry'; error: string };

export async function deliverMessage(id: string, deps: DeliveryDeps): Promise<DeliveryResult> {
  const m = await deps.claim(id);
  if (m === null) return { kind: 'done' };
  if (m === 'wait') return { kind: 'wait' };
  const finish = (status: AttemptResult['status'], eventStatus: AttemptResult['eventStatus'], extra: Partial<AttemptResult> = {}): Promise<void> => {
    const recorded = deps.record({ message: m, status, eventStatus, providerId: null, error: null, subject: null, body: null, at: deps.now(), ...extra });
    if (status === 'retrying') return recorded;
    recorded.catch(() => undefined); // the recorder logs; the lease recovers the message
    return Promise.resolve();
  };
  if (m.complaint === null) {
    await finish('dead', 'dead', { error: 'the complaint no longer exists' });
    return { kind: 'done' };
  }
  if (m.channel === 'sms' && (m.numberOptedOut || m.complaint.complainant.smsOptOut)) {
    await finish('opted_out', null, { error: 'the complainant opted out of SMS' });
    return { kind: 'done' };
  }
  let outcome: SendOutcome;
  let subject: string | null = null;
  let body: string;
  if (m.channel === 'sms') {
    body = m.body ?? (await renderFor(m, deps.config, deps.overrides)).body;
    outcome = await deps.sms.send({ to: m.recipient, text: body, reference: m.id });
  } else {
    // E-mail is rendered afresh each time (the explanation link's token is not stored in the text).
    const text = await renderFor(m, deps.config, deps.overrides);
    subject = text.subject ?? '';
    outcome = await deps.mail.send({ to: m.recipient, from: deps.config.mailFrom, subject, text: text.body, messageId: `<${m.id}@complaint-desk>` });
    body = redactLinks(text.body);
  }
  const text = { subject, body };
  switch (outcome.kind) {
    case 'sent':
      await finish('sent', 'sent', { ...text, providerId: outcome.providerId });
      return { kind: 'done' };
    case 'not_sent':
      await finish('not_sent', 'not_sent', { ...text, error: outcome.reason });
      return { kind: 'done' };
    case 'permanent':
      await finish('dead', 'dead', { ...text, error: outcome.error });
      return { kind: 'done' };
    case 'retry':
      if (m.attempt >= m.attemptLimit) {
        await finish('dead', 'dead', { ...text, error: `${outcome.error} (gave up after ${m.attempt} attempts)` });
        return { kind: 'done' };
      }
      await finish('retrying', 'failed', { ...text, error: outcome.error });
      return { kind: 'retry', error: outcome.error };
  }
}

