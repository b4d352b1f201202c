import type { TimelineEventDoc } from '../../shared/documents.ts';

/**
 * What the broker carries for one timeline event. The routing key `<hospital code>.<event type>`
 * (e.g. `MAIN.status_changed`) lets a consumer bind to one hospital (`MAIN.#`), one kind of event
 * (`*.sla_escalated`) or everything (`#`). The body is the event as the hospital's desks see it,
 * with the hospital and the complaint's reference beside it; the message id is the event id, so
 * a consumer that sees one again after a crash (delivery is at least once) can drop it.
 */
export type BrokerMessage = {
  routingKey: string;
  messageId: string;
  /** Seconds, as AMQP's timestamp property counts them. */
  timestamp: number;
  type: string;
  body: BrokerBody;
};

export type BrokerBody = {
  event: TimelineEventDoc;
  hospital: { id: string; code: string };
  complaint: { id: string; referenceNumber: string | null };
};

/** AMQP routing keys are dot-separated words; a code with a dot or a wildcard would split or match wrongly. */
const routingWord = (s: string) => s.replace(/[.*#\s]/g, '_');

export function brokerMessage(event: TimelineEventDoc, hospitalCode: string, referenceNumber: string | null): BrokerMessage {
  return {
    routingKey: `${routingWord(hospitalCode)}.${event.type}`,
    messageId: event.id,
    timestamp: Math.floor(event.at / 1000),
    type: event.type,
    body: { event, hospital: { id: event.hospitalId, code: hospitalCode }, complaint: { id: event.complaintId, referenceNumber } },
  };
}
