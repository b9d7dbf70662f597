import { InboxSender } from './inbox-sender';
import { anOutboundNotification } from './testing';

describe('a notification for the console inbox', () => {
  it('is delivered without leaving the system, even with no address at all', async () => {
    const n = anOutboundNotification({
      recipient: { staffId: 'BH-002', email: null, webhookUrl: null },
    });

    await expect(new InboxSender().send(n)).resolves.toEqual({
      outcome: 'delivered',
      detail: 'in the console inbox of BH-002',
    });
  });
});
