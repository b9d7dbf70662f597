// E-mail against a real SMTP server started by the test: what arrives, and what a refusing
// relay's answer looks like to an operator.
import { EmailSender, messageIdOf } from './email-sender';
import { anOutboundNotification, startSmtpServer, type SmtpTestServer } from './testing';

const FROM = 'churn-alerts@bank.example';

describe('an alert e-mailed to a relationship manager through a working relay', () => {
  let smtp: SmtpTestServer;
  let sender: EmailSender;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    sender = new EmailSender({ host: smtp.host, port: smtp.port, secure: false, from: FROM });
  });
  afterAll(async () => {
    sender.close();
    await smtp.close();
  });

  it('is delivered with the subject, recipient, text and a Message-ID derived from the notification', async () => {
    const n = anOutboundNotification();
    const result = await sender.send(n);

    expect(result).toEqual({
      outcome: 'delivered',
      detail: expect.stringContaining(`SMTP ${smtp.host}:${smtp.port} accepted`),
    });
    const [mail] = await smtp.waitForMessages(1);
    expect(mail?.envelope).toEqual({ from: FROM, to: ['rm007@bank.example'] });
    expect(mail?.subject).toBe(n.subject);
    expect(mail?.messageId).toBe('<ntf-alert-42-raised@churn-early-warning.local>');
    expect(mail?.headers['x-churn-notification-id']).toBe(n.notificationId);
    expect(mail?.headers['x-churn-alert-id']).toBe(n.alertId);
    expect(mail?.text.trimEnd()).toBe(n.text);
  });

  it('keeps Chinese subjects and text intact', async () => {
    const n = anOutboundNotification({
      notificationId: 'ntf-cn',
      subject: '流失预警：客户 张** 代发工资中断',
      text: '客户张**的代发工资已连续两个月未到账。\n请在24个工作小时内联系客户。'.repeat(3),
    });
    await sender.send(n);

    const mail = smtp.messages.find((m) => m.messageId === messageIdOf('ntf-cn'));
    expect(mail?.subject).toBe(n.subject);
    expect(mail?.text.trimEnd()).toBe(n.text);
  });
});

describe('a relay that refuses', () => {
  let smtp: SmtpTestServer;
  let sender: EmailSender;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    sender = new EmailSender({ host: smtp.host, port: smtp.port, secure: false, from: FROM });
  });
  afterAll(async () => {
    sender.close();
    await smtp.close();
  });

  it('fails with the SMTP code and text when the mailbox is refused', async () => {
    smtp.failNext(550, 'mailbox unavailable');
    const result = await sender.send(anOutboundNotification());

    expect(result).toEqual({
      outcome: 'failed',
      failure: `SMTP 550 mailbox unavailable at ${smtp.host}:${smtp.port} (RCPT TO)`,
    });
    expect(smtp.messages).toHaveLength(0);
  });

  it('fails with the code when the message itself is refused after DATA', async () => {
    smtp.failNext(554, 'message rejected as spam', 'data');
    const result = await sender.send(anOutboundNotification());

    expect(result).toMatchObject({
      outcome: 'failed',
      failure: expect.stringMatching(/^SMTP 554 message rejected as spam at /),
    });
    expect(smtp.messages).toHaveLength(0);
  });

  it('delivers again once the relay accepts', async () => {
    await expect(sender.send(anOutboundNotification())).resolves.toMatchObject({
      outcome: 'delivered',
    });
  });
});

describe('a relay that requires a login', () => {
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    smtp = await startSmtpServer({ auth: { user: 'churn', pass: 'right' } });
  });
  afterAll(() => smtp.close());

  it.each([
    ['the right password', 'delivered', 'right'],
    ['a wrong password', 'failed', 'wrong'],
  ])('with %s the attempt is %s', async (_case, outcome, pass) => {
    const sender = new EmailSender({
      host: smtp.host,
      port: smtp.port,
      secure: false,
      from: FROM,
      auth: { user: 'churn', pass },
    });
    const result = await sender.send(anOutboundNotification());
    sender.close();

    expect(result.outcome).toBe(outcome);
    if (result.outcome === 'failed') expect(result.failure).toMatch(/^SMTP 535 /);
  });
});

describe('a notification the channel cannot carry', () => {
  it('fails without an e-mail address, naming the recipient', async () => {
    const sender = new EmailSender({ host: '127.0.0.1', port: 1, secure: false, from: FROM });
    const result = await sender.send(anOutboundNotification({ recipient: { email: null } }));
    sender.close();

    expect(result).toEqual({ outcome: 'failed', failure: 'no e-mail address for RM-007' });
  });

  it('fails with the socket error when no relay listens', async () => {
    const smtp = await startSmtpServer();
    const port = smtp.port;
    await smtp.close();
    const sender = new EmailSender({ host: '127.0.0.1', port, secure: false, from: FROM });
    const result = await sender.send(anOutboundNotification());
    sender.close();

    expect(result).toMatchObject({
      outcome: 'failed',
      failure: expect.stringContaining('ECONNREFUSED'),
    });
  });
});
