// E-mail channel: plain text over SMTP through nodemailer (the only importer of nodemailer in
// the repo). The Message-ID is derived from the notification id, so a resend of the same
// notification is recognisable (and de-duplicated by many mail systems) as the same message.
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import {
  delivered,
  failed,
  type DeliveryResult,
  type NotificationSender,
  type OutboundNotification,
} from './channel';

export interface EmailSenderSettings {
  readonly host: string;
  readonly port: number;
  /** true: TLS from the first byte (port 465); false: plain, upgraded by STARTTLS if offered. */
  readonly secure: boolean;
  readonly auth?: { readonly user: string; readonly pass: string } | null;
  /** The envelope and header sender, e.g. `"Churn early warning" <churn-alerts@bank.example>`. */
  readonly from: string;
  /** Bounds each phase, so a dead relay fails the attempt instead of hanging the chain. */
  readonly connectionTimeoutMs?: number;
  readonly greetingTimeoutMs?: number;
  readonly socketTimeoutMs?: number;
}

export const MESSAGE_ID_DOMAIN = 'churn-early-warning.local';
export const NOTIFICATION_ID_HEADER = 'X-Churn-Notification-Id';
export const ALERT_ID_HEADER = 'X-Churn-Alert-Id';

export const messageIdOf = (notificationId: string): string =>
  `<${notificationId}@${MESSAGE_ID_DOMAIN}>`;

export class EmailSender implements NotificationSender {
  readonly channel = 'email' as const;
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;
  private readonly relay: string;

  constructor(private readonly settings: EmailSenderSettings) {
    this.relay = `${settings.host}:${settings.port}`;
    this.transport = createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.auth ? { auth: { user: settings.auth.user, pass: settings.auth.pass } } : {}),
      connectionTimeout: settings.connectionTimeoutMs ?? 10_000,
      greetingTimeout: settings.greetingTimeoutMs ?? 10_000,
      socketTimeout: settings.socketTimeoutMs ?? 30_000,
    });
  }

  async send(n: OutboundNotification): Promise<DeliveryResult> {
    const to = n.recipient.email;
    if (to === null || to.trim() === '')
      return failed(`no e-mail address for ${n.recipient.staffId}`);
    try {
      const info = await this.transport.sendMail({
        from: this.settings.from,
        to,
        subject: n.subject,
        text: n.text,
        messageId: messageIdOf(n.notificationId),
        headers: { [NOTIFICATION_ID_HEADER]: n.notificationId, [ALERT_ID_HEADER]: n.alertId },
      });
      return delivered(`SMTP ${this.relay} accepted ${info.messageId} for ${to}: ${info.response}`);
    } catch (error) {
      return failed(this.reason(error));
    }
  }

  /** Stops the transport; in-flight sends finish first. */
  close(): void {
    this.transport.close();
  }

  /** The relay's own words ("550 mailbox unavailable") when it answered, else the socket error. */
  private reason(error: unknown): string {
    const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
    const message = typeof e['message'] === 'string' ? e['message'] : String(error);
    const command = typeof e['command'] === 'string' ? ` (${e['command']})` : '';
    if (typeof e['response'] === 'string')
      return `SMTP ${e['response'].trim()} at ${this.relay}${command}`;
    const code = typeof e['code'] === 'string' ? `${e['code']}: ` : '';
    return `SMTP ${this.relay} failed${command}: ${code}${message}`;
  }
}
