import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse.ts';

function parse(chunks: string[], end = false): SseMessage[] {
  const out: SseMessage[] = [];
  const p = createSseParser((m) => out.push(m));
  for (const c of chunks) p.push(c);
  if (end) p.end();
  return out;
}

describe('SSE parser', () => {
  it('reads the hello and changed events of the sync stream', () => {
    const stream = 'event: hello\ndata: {}\n\n: keep-alive\n\nevent: changed\ndata: {"collections":["complaints","events"]}\n\n';
    expect(parse([stream])).toEqual([
      { event: 'hello', data: '{}', id: null },
      { event: 'changed', data: '{"collections":["complaints","events"]}', id: null },
    ]);
  });

  it('handles events split across chunks at any byte, and CRLF split between chunks', () => {
    const stream = 'event: changed\r\ndata: {"collections":["staff"]}\r\n\r\nevent: hello\r\n\r\n';
    for (let cut = 1; cut < stream.length; cut++) {
      expect(parse([stream.slice(0, cut), stream.slice(cut)])).toEqual([
        { event: 'changed', data: '{"collections":["staff"]}', id: null },
        { event: 'hello', data: '', id: null },
      ]);
    }
  });

  it('joins multi-line data, defaults the event name, keeps the last id and ignores comments', () => {
    expect(parse(['id: 7\ndata: a\ndata:b\n\n:comment\ndata: c\n\n'])).toEqual([
      { event: 'message', data: 'a\nb', id: '7' },
      { event: 'message', data: 'c', id: '7' },
    ]);
  });

  it('does not dispatch an unfinished event until the stream ends', () => {
    expect(parse(['event: hello\ndata: x'])).toEqual([]);
    expect(parse(['event: hello\ndata: x'], true)).toEqual([{ event: 'hello', data: 'x', id: null }]);
  });
});
