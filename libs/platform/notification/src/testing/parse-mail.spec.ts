// The SMTP test server's parser reads back what nodemailer may choose to send.
import { parseMail } from './parse-mail';

const mail = (headers: string, body: string): string => `${headers}\r\n\r\n${body}`;

describe('reading back a received e-mail', () => {
  it.each([
    ['7bit', 'Content-Transfer-Encoding: 7bit', 'Line one\r\nLine two', 'Line one\nLine two'],
    [
      'quoted-printable',
      'Content-Transfer-Encoding: quoted-printable',
      'caf=C3=A9 au l=\r\nait',
      'café au lait',
    ],
    ['base64', 'Content-Transfer-Encoding: base64', '5rWB5aSx\r\n6aKE6K2m', '流失预警'],
    ['no encoding header', 'Subject: x', 'plain', 'plain'],
  ])('decodes a %s body', (_case, header, body, text) => {
    expect(parseMail(mail(header, body)).text).toBe(text);
  });

  it.each([
    ['a plain subject', 'Subject: Churn risk', 'Churn risk'],
    ['a base64 encoded word', 'Subject: =?UTF-8?B?5rWB5aSx6aKE6K2m?=', '流失预警'],
    ['a Q encoded word', 'Subject: =?UTF-8?Q?caf=C3=A9_au_lait?=', 'café au lait'],
    ['folded encoded words', 'Subject: =?UTF-8?B?5rWB5aSx?=\r\n =?UTF-8?B?6aKE6K2m?=', '流失预警'],
    ['a folded plain subject', 'Subject: Churn\r\n risk', 'Churn risk'],
  ])('decodes %s', (_case, header, subject) => {
    expect(parseMail(mail(header, '')).headers['subject']).toBe(subject);
  });

  it('keeps the first of repeated headers, by lower-cased name', () => {
    expect(parseMail(mail('Received: a\r\nRECEIVED: b', '')).headers['received']).toBe('a');
  });
});
