import { raiseCommand, resolveCommand, TEST_AT } from '@churn/domain-alert/testing';
import { InMemoryEventStore } from '@churn/event-store';
import { AlertRepository } from '../store/alert-repository';
import { AlertBook, type AlertChange } from './alert-book';

const LATER = '2026-12-01T05:00:00.000Z';
const DAYS_LATER = '2026-12-03T05:00:00.000Z';

describe('the alert book over a store that already holds alerts', () => {
  it('folds them at start, indexes the customer, and tells listeners they are replayed', async () => {
    const store = new InMemoryEventStore();
    const repository = new AlertRepository(store);
    await repository.execute('A-1', raiseCommand());
    const book = new AlertBook(store);
    const changes: AlertChange[] = [];
    book.onChange((c) => changes.push(c));
    await book.start();
    try {
      expect(book.get('A-1')?.state.status).toBe('open');
      expect(book.latestForCustomer('C0012345612')?.alertId).toBe('A-1');
      expect(book.entryForCustomer('C0012345612')).toEqual({
        alertId: 'A-1',
        status: 'open',
        severity: 'critical',
        resolvedAt: null,
      });
      expect(changes.length).toBeGreaterThan(0);
      expect(changes.every((c) => c.replaying)).toBe(true);
    } finally {
      await book.stop();
    }
  });
});

describe('the alert book following the store live', () => {
  it('reaches a command’s position (read-your-writes) and keeps the latest alert per customer', async () => {
    const store = new InMemoryEventStore();
    const repository = new AlertRepository(store);
    const book = new AlertBook(store);
    await book.start();
    try {
      const raised = await repository.execute('A-1', raiseCommand());
      await book.caughtUpTo(raised.appended[raised.appended.length - 1]?.position ?? 0);
      expect(book.get('A-1')?.revision).toBe(raised.revision);

      const resolved = await repository.execute('A-1', resolveCommand('RM-1', LATER));
      await book.caughtUpTo(resolved.appended[0]?.position ?? 0);
      expect(book.entryForCustomer('C0012345612')).toMatchObject({
        status: 'resolved',
        resolvedAt: LATER,
      });

      const second = await repository.execute(
        'A-2',
        raiseCommand({ alertId: 'A-2', at: DAYS_LATER, previousResolution: null }),
      );
      await book.caughtUpTo(second.appended[second.appended.length - 1]?.position ?? 0);
      expect(book.latestForCustomer('C0012345612')?.alertId).toBe('A-2');
      expect([...book.all()].map((v) => v.alertId).sort()).toEqual(['A-1', 'A-2']);
      expect(book.position).toBe(second.appended[second.appended.length - 1]?.position);
    } finally {
      await book.stop();
    }
  });

  it('keeps a stream holding only a suppressed raise out of the views', async () => {
    const store = new InMemoryEventStore();
    const repository = new AlertRepository(store);
    const book = new AlertBook(store);
    await book.start();
    try {
      const { appended } = await repository.execute(
        'A-9',
        raiseCommand({
          alertId: 'A-9',
          previousResolution: { resolvedAt: TEST_AT, severity: 'critical' },
          at: LATER,
        }),
      );
      expect(appended.map((e) => e.type)).toEqual(['RetentionAlertRaiseSuppressed']);
      await book.caughtUpTo(appended[0]?.position ?? 0);
      expect(book.get('A-9')).toBeUndefined();
      expect(book.size).toBe(0);
    } finally {
      await book.stop();
    }
  });
});
