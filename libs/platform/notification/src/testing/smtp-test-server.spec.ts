import { connect } from 'node:net';
import { pollFor } from './poll-for';
import { startSmtpServer } from './smtp-test-server';

describe('the SMTP test server', () => {
  it('keeps the error of a client that dies mid-transaction instead of throwing it', async () => {
    const smtp = await startSmtpServer();
    try {
      const socket = connect(smtp.port, smtp.host);
      const lines: string[] = [];
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => lines.push(chunk));
      socket.on('error', () => undefined);
      const said = (pattern: RegExp) =>
        pollFor(
          () => pattern.test(lines.join('')),
          5_000,
          () => lines.join(''),
        );
      await said(/^220 /);
      socket.write('EHLO client\r\n');
      await said(/250 /);
      socket.write('MAIL FROM:<alerts@bank.example>\r\n');
      await said(/250 Accepted/);
      // What a SIGKILLed sender leaves: a reset in the middle of its transaction.
      socket.resetAndDestroy();
      await pollFor(
        () => smtp.connectionErrors.length > 0,
        5_000,
        () => 'no connection error',
      );
      expect(smtp.connectionErrors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual([
        'ECONNRESET',
      ]);
    } finally {
      await smtp.close();
    }
  });
});
