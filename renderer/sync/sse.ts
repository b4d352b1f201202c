/**
 * An incremental text/event-stream parser (the subset of the HTML spec the sync stream uses:
 * `event`, `data`, `id`, comments, any line ending). Unlike EventSource we read the stream with
 * fetch, so we can send the bearer token and see HTTP status codes.
 */
export type SseMessage = { event: string; data: string; id: string | null };

export type SseParser = {
  push(chunk: string): void;
  /** Flushes a final event that had no trailing blank line (the stream was cut). */
  end(): void;
};

export function createSseParser(onMessage: (message: SseMessage) => void): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | null = null;
  let lastId: string | null = null;
  // A chunk may end between \r and \n: remember, so the \n does not count as an empty line.
  let skipLeadingLf = false;

  const dispatch = () => {
    // The spec drops data-less events; our server's `hello` may carry none, so keep named ones.
    if (data.length > 0 || event !== '') {
      onMessage({ event: event || 'message', data: data.join('\n'), id: id ?? lastId });
    }
    if (id !== null) lastId = id;
    event = '';
    data = [];
    id = null;
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return; // comment / keep-alive
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
    // `retry` and unknown fields are ignored: reconnection timing is ours.
  };

  return {
    push(chunk) {
      buffer += chunk;
      if (skipLeadingLf && buffer.startsWith('\n')) buffer = buffer.slice(1);
      skipLeadingLf = false;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) skipLeadingLf = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      if (buffer !== '') line(buffer);
      buffer = '';
      if (data.length > 0 || event !== '') dispatch();
    },
  };
}
