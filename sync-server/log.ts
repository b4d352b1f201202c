import pino from 'pino';

/**
 * The server's logger. Request URLs are logged without their secrets: a tracking link carries
 * the complaint's tracking secret in `?s=`, and an explanation link is itself the one-time token,
 * so neither may reach a log file that IT staff, backups or a log shipper can read.
 */
const SECRET_PATHS = /^(\/explanations\/)[^/?#]+/;

export function redactUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const safePath = path.replace(SECRET_PATHS, '$1[redacted]');
  return query === undefined ? safePath : `${safePath}?[redacted]`;
}

type LoggedRequest = { method?: string; url?: string; ip?: string; socket?: { remotePort?: number } };

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url ?? ''),
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
