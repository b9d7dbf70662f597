// A real SMTP server for tests (smtp-server, the counterpart of nodemailer), on 127.0.0.1 and a
// free port. It keeps every accepted message, parsed, and can be told to refuse the next
// recipient or message with a given SMTP code, so tests see a relay's real rejection.
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { parseMail } from './parse-mail';
import { pollFor } from './poll-for';

export interface ReceivedMail {
  /** The SMTP envelope (MAIL FROM / RCPT TO), which may differ from the headers. */
  readonly envelope: { readonly from: string; readonly to: readonly string[] };
  readonly subject: string;
  /** The Message-ID header, angle brackets included. */
  readonly messageId: string;
  /** Lower-cased names, e.g. headers['x-churn-notification-id']. */
  readonly headers: Readonly<Record<string, string>>;
  /** The decoded text body, with \n line ends. */
  readonly text: string;
  readonly raw: string;
}

/** Where a queued failure strikes: at the next RCPT TO, or after the next message's DATA. */
export type SmtpFailureStage = 'rcpt' | 'data';

export interface SmtpTestServerOptions {
  /** When given, clients must log in with these (AUTH PLAIN/LOGIN over the plain connection). */
  readonly auth?: { readonly user: string; readonly pass: string };
}

export interface SmtpTestServer {
  readonly host: string;
  readonly port: number;
  /** Accepted messages, in arrival order. A refused message is not in here. */
  readonly messages: readonly ReceivedMail[];
  /**
   * Connection errors, kept instead of thrown: a client killed mid-session (the faults test's
   * `kill -9` of alerting) resets its socket, and an 'error' without a listener would crash the
   * test process.
   */
  readonly connectionErrors: readonly Error[];
  /**
   * Makes the next RCPT TO (default) or DATA answer `<code> <message>`, e.g.
   * failNext(550, 'mailbox unavailable'). Calls queue: each failure strikes once.
   */
  failNext(code: number, message: string, stage?: SmtpFailureStage): void;
  /** Resolves with the messages once at least `count` have arrived; rejects after the timeout. */
  waitForMessages(count: number, timeoutMs?: number): Promise<readonly ReceivedMail[]>;
  close(): Promise<void>;
}

interface QueuedFailure {
  readonly code: number;
  readonly message: string;
  readonly stage: SmtpFailureStage;
}

export async function startSmtpServer(
  options: SmtpTestServerOptions = {},
): Promise<SmtpTestServer> {
  const host = '127.0.0.1';
  const messages: ReceivedMail[] = [];
  const failures: QueuedFailure[] = [];
  const takeFailure = (stage: SmtpFailureStage): Error | null => {
    const index = failures.findIndex((f) => f.stage === stage);
    const failure = index < 0 ? undefined : failures.splice(index, 1)[0];
    return failure
      ? Object.assign(new Error(failure.message), { responseCode: failure.code })
      : null;
  };
  const credentials = options.auth;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    hideSTARTTLS: true,
    authOptional: credentials === undefined,
    allowInsecureAuth: true,
    disableReverseLookup: true,
    closeTimeout: 1_000,
    onAuth: (auth, _session, callback) =>
      auth.username === credentials?.user && auth.password === credentials?.pass
        ? callback(null, { user: auth.username })
        : callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 })),
    onRcptTo: (_address, _session, callback) => callback(takeFailure('rcpt')),
    onData: (stream: SMTPServerDataStream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refusal = takeFailure('data');
        if (refusal) return callback(refusal);
        const raw = Buffer.concat(chunks).toString('utf8');
        const { headers, text } = parseMail(raw);
        const from = session.envelope.mailFrom;
        messages.push({
          envelope: {
            from: from ? from.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          subject: headers['subject'] ?? '',
          messageId: headers['message-id'] ?? '',
          headers,
          text,
          raw,
        });
        callback(null);
      });
    },
  });
  const connectionErrors: Error[] = [];
  server.on('error', (error: Error) => connectionErrors.push(error));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string')
    throw new Error('startSmtpServer: the server has no TCP address');

  return {
    host,
    port: address.port,
    messages,
    connectionErrors,
    failNext: (code, message, stage = 'rcpt') => void failures.push({ code, message, stage }),
    waitForMessages: (count, timeoutMs = 5_000) =>
      pollFor(
        () => messages.length >= count,
        timeoutMs,
        () => `${messages.length} of ${count} e-mails`,
      ).then(() => messages),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
