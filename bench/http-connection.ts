import { connect, type Socket } from 'node:net';

/**
 * One keep-alive HTTP/1.1 connection that sends GETs one at a time and reads each full answer.
 *
 * Why not `http.request` with an Agent: on the two cores the load generator shares with the
 * server and PostgreSQL, node:http's client cost ~0.1 ms of CPU per request — CPU the server
 * then lacks. This reads the same bytes off the same socket: the status line, the headers up to
 * the blank line and exactly `content-length` bytes of body (the server under test always sends
 * one; chunked or unframed answers are refused as errors rather than guessed at). An answer with
 * `connection: close` closes the socket, and the next request opens a new one.
 */
export type HttpAnswer = { status: number; body: Buffer };

const HEADER_END = Buffer.from('\r\n\r\n');

type Pending = { resolve(answer: HttpAnswer): void; reject(err: Error): void };

export class HttpConnection {
  private socket: Socket | null = null;
  private buffered: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  private closeAfter = false;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  get(path: string): Promise<HttpAnswer> {
    if (this.pending) return Promise.reject(new Error('one request at a time'));
    const socket = this.socket ?? this.open();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      socket.write(`GET ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\n\r\n`, 'latin1');
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    this.socket = socket;
    this.buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.parse();
    });
    const fail = (err: Error) => {
      if (this.socket === socket) this.socket = null;
      const p = this.pending;
      this.pending = null;
      p?.reject(err);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed before the answer was complete')));
    return socket;
  }

  private parse(): void {
    const end = this.buffered.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffered.toString('latin1', 0, end);
    const lines = head.split('\r\n');
    const status = /^HTTP\/1\.[01] (\d{3}) /.exec(lines[0] ?? '');
    let length = -1;
    let chunked = false;
    this.closeAfter = false;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim().toLowerCase();
      if (name === 'content-length') length = Number(value);
      else if (name === 'transfer-encoding') chunked = true;
      else if (name === 'connection' && value === 'close') this.closeAfter = true;
    }
    if (!status || chunked || !Number.isInteger(length) || length < 0) {
      this.fail(new Error(`unexpected answer framing: ${lines[0] ?? ''}`));
      return;
    }
    const total = end + HEADER_END.length + length;
    if (this.buffered.length < total) return;
    const body = this.buffered.subarray(end + HEADER_END.length, total);
    this.buffered = this.buffered.subarray(total);
    const p = this.pending;
    this.pending = null;
    if (this.closeAfter) this.close();
    if (p) p.resolve({ status: Number(status[1]), body });
    else this.fail(new Error('an answer nobody asked for'));
  }

  private fail(err: Error): void {
    const p = this.pending;
    this.pending = null;
    this.close();
    p?.reject(err);
  }
}
