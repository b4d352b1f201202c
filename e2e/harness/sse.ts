/** Reads a Server-Sent Events stream and records its events, for checks on what a desk is told. */
export type SseEvent = { event: string; data: string; at: number };

export type SseReader = {
  status: number;
  events: SseEvent[];
  close(): void;
};

export async function openSse(url: string, token: string): Promise<SseReader> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const reader: SseReader = { status: res.status, events, close: () => controller.abort() };
  if (res.status !== 200 || !res.body) {
    await res.body?.cancel().catch(() => undefined);
    return reader;
  }
  const body = res.body;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const stream = body.getReader();
      for (;;) {
        const { done, value } = await stream.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let idx: number;
        while ((idx = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, idx);
          buffer = buffer.slice(idx).replace(/^\r?\n\r?\n/, '');
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split(/\r?\n/)) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0 || event !== 'message') events.push({ event, data: data.join('\n'), at: Date.now() });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return reader;
}
