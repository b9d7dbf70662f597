import { acknowledgeCommand, raiseCommand, TEST_AT } from '@churn/domain-alert/testing';
import { AlertError, alertStream, type RecordNotificationAttempt } from '@churn/domain-alert';
import {
  InMemoryEventStore,
  type AppendOptions,
  type EventStore,
  type NewEvent,
} from '@churn/event-store';
import { uuidV5 } from '@churn/ingestion';
import { ALERTING_NAMESPACE, alertEventId } from './alert-ids';
import { AlertRepository } from './alert-repository';

const LATER = '2026-12-01T02:00:00.000Z';

const attempt = (notificationId: string): RecordNotificationAttempt => ({
  type: 'RecordNotificationAttempt',
  data: { at: LATER, notificationId, channel: 'email', outcome: 'delivered', failure: null },
});

/** A store where another writer gets in just before our next append. */
const racedStore = (store: EventStore, other: () => Promise<void>): EventStore => {
  let raced = false;
  return Object.assign(Object.create(store) as EventStore, {
    append: async (stream: string, events: readonly NewEvent[], options: AppendOptions) => {
      if (!raced) {
        raced = true;
        await other();
      }
      return store.append(stream, events, options);
    },
  });
};

describe('the namespace of alerting ids', () => {
  it('is the name-based UUID of alerting under the URL namespace, as written', () =>
    expect(uuidV5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'urn:churn-early-warning:alerting')).toBe(
      ALERTING_NAMESPACE,
    ));
});

describe('an alert raised through the repository', () => {
  it('is appended to alert-<id> with ids derived from the revision and business time from the command', async () => {
    const store = new InMemoryEventStore();
    const repository = new AlertRepository(store);
    const { state, appended } = await repository.execute('A-1', raiseCommand(), {
      causationId: 'risk-1',
    });
    expect(state.status).toBe('open');
    expect(appended.map((e) => e.stream)).toEqual(appended.map(() => alertStream('A-1')));
    expect(appended.map((e) => e.id)).toEqual(appended.map((_, i) => alertEventId('A-1', i)));
    expect(appended[0]?.metadata).toMatchObject({
      occurredAt: TEST_AT,
      schemaVersion: 1,
      causationId: 'risk-1',
    });
    const loaded = await repository.load('A-1');
    expect(loaded.state).toEqual(state);
    expect(loaded.revision).toBe(appended.length - 1);
  });

  it('refuses a second raise with the domain error and appends nothing', async () => {
    const store = new InMemoryEventStore();
    const repository = new AlertRepository(store);
    await repository.execute('A-1', raiseCommand());
    const before = (await repository.load('A-1')).revision;
    await expect(repository.execute('A-1', raiseCommand())).rejects.toMatchObject({
      code: 'alert-already-raised',
    });
    expect((await repository.load('A-1')).revision).toBe(before);
  });
});

describe('two writers deciding on the same revision of an alert', () => {
  it('re-reads and decides again, so both decisions land, in order', async () => {
    const store = new InMemoryEventStore();
    const repository = new AlertRepository(store);
    const { state } = await repository.execute('A-1', raiseCommand());
    const notificationId =
      state.status === 'none' ? '' : (state.notifications[0]?.notificationId ?? '');
    // The dispatcher records a delivery just before the RM's acknowledgement is appended: both
    // batches are one event at the same revision, so their derived ids are the same.
    const conflicts: string[] = [];
    const raced = new AlertRepository(
      racedStore(
        store,
        async () => void (await repository.execute('A-1', attempt(notificationId))),
      ),
      { observer: { onConflict: (id) => conflicts.push(id) } },
    );
    await raced.execute('A-1', acknowledgeCommand('RM-1', LATER));
    const events = await store.loadStream(alertStream('A-1'));
    expect(events.slice(-2).map((e) => e.type)).toEqual([
      'AlertNotificationAttempted',
      'RetentionAlertAcknowledged',
    ]);
    expect(conflicts).toEqual(['A-1']);
  });

  it('passes the refusal through when the other writer made the command moot', async () => {
    const store = new InMemoryEventStore();
    const repository = new AlertRepository(store);
    await repository.execute('A-1', raiseCommand());
    const raced = new AlertRepository(
      racedStore(
        store,
        async () => void (await repository.execute('A-1', acknowledgeCommand('RM-1', LATER))),
      ),
    );
    const refusal = raced.execute('A-1', acknowledgeCommand('RM-1', LATER));
    await expect(refusal).rejects.toBeInstanceOf(AlertError);
    await expect(refusal).rejects.toMatchObject({ code: 'already-acknowledged' });
  });
});
