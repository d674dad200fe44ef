import nodemailer from 'nodemailer';
import { DeliveryError } from './retry.ts';

/** Connecting, the server's greeting and every later silence each get this long, so a dead peer cannot hang a send. */
const DEFAULT_TIMEOUT_MS = 10_000;

export type MailerConfig = {
  /** `smtp://user:pass@host:port` (or `smtps://`); null when mail is not configured. */
  smtpUrl: string | null;
  from: string;
  timeoutMs?: number;
};

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable per outbox row (`<row-id@accord>`), so a resend after a crash is recognizable as the same message. */
  messageId: string;
};

export type Mailer = { send(message: MailMessage): Promise<void> };

/**
 * Sends one message per SMTP connection. Failures are DeliveryErrors: a 5xx reply (the server
 * refused for good) and missing configuration are permanent, a 4xx reply, a timeout or a
 * connection failure is worth retrying.
 */
export function createMailer(config: MailerConfig): Mailer {
  const { smtpUrl } = config;
  if (smtpUrl === null) {
    return {
      send: async () => {
        throw new DeliveryError('mail is not configured (set SMTP_URL)', true);
      },
    };
  }
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  return {
    send: async (message) => {
      try {
        await transport.sendMail({ from: config.from, ...message });
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}

function toDeliveryError(error: unknown): DeliveryError {
  const { message, responseCode } = error as Error & { responseCode?: number };
  const status = typeof responseCode === 'number' ? responseCode : null;
  const permanent = status !== null && status >= 500;
  return new DeliveryError(`mail could not be sent: ${message}`, permanent, status, { cause: error });
}
