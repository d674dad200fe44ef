import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  /** The envelope: MAIL FROM and RCPT TO, not the headers. */
  from: string | null;
  to: string[];
  /** The name the client authenticated with, null without AUTH. */
  user: string | null;
  subject: string | null;
  messageId: string | null;
  /** Everything after the headers, as sent (MIME parts and transfer encoding included). */
  body: string;
};

export type SmtpPeer = {
  /** `smtp://127.0.0.1:<port>`; any user name and password are accepted too. */
  url: string;
  messages: ReceivedMail[];
  /** The next `count` messages are refused after their data is read: 451 (try again later) unless told otherwise. */
  failNext(count: number, responseCode?: number): void;
  close(): Promise<void>;
};

/** A real SMTP server on a free local port, without TLS, that keeps what it receives. */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const messages: ReceivedMail[] = [];
  let failuresLeft = 0;
  let failureCode = 451;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onData: (stream, session, callback) => {
      readAll(stream).then((raw) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          return callback(Object.assign(new Error('refused by the test peer'), { responseCode: failureCode }));
        }
        const envelope = session.envelope;
        const user = typeof session.user === 'string' ? session.user : null;
        messages.push({ from: envelope.mailFrom ? envelope.mailFrom.address : null, to: envelope.rcptTo.map((r) => r.address), user, ...parseMessage(raw) });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext: (count, responseCode = 451) => {
      failuresLeft = count;
      failureCode = responseCode;
    },
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseMessage(raw: string): Pick<ReceivedMail, 'subject' | 'messageId' | 'body'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { subject: headers.get('subject') ?? null, messageId: headers.get('message-id') ?? null, body: split === -1 ? '' : raw.slice(split + 4) };
}
