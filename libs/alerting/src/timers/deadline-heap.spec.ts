import type { Deadline } from '@churn/domain-alert';
import { DeadlineHeap } from './deadline-heap';

const at = (minute: number): string => new Date(Date.UTC(2026, 11, 1, 1, minute)).toISOString();
const deadline = (minute: number, rule: Deadline['rule'] = 'rm/acknowledge'): Deadline => ({
  rule,
  dueAt: at(minute),
  escalatesTo: 'supervisor',
});

describe('the deadline heap of the open alerts', () => {
  it('gives what is due, earliest first, and only each alert’s current deadline', () => {
    const heap = new DeadlineHeap();
    heap.track('A', 0, deadline(30));
    heap.track('B', 0, deadline(10));
    heap.track('C', 0, deadline(20));
    heap.track('A', 1, deadline(5, 'rm/contact'));
    heap.track('C', 1, null);
    expect(heap.size).toBe(2);
    expect(heap.takeDue(Date.parse(at(40))).map((d) => `${d.alertId} ${d.rule}`)).toEqual([
      'A rm/contact',
      'B rm/acknowledge',
    ]);
    expect(heap.takeDue(Date.parse(at(40)))).toEqual([]);
  });

  it('ignores a state older than the one it tracks, and takes back a deadline that could not fire', () => {
    const heap = new DeadlineHeap();
    heap.track('A', 5, deadline(10));
    heap.track('A', 4, deadline(1));
    const [due] = heap.takeDue(Date.parse(at(10)));
    expect(due?.dueAt).toBe(at(10));
    if (due) heap.restore(due);
    expect(heap.nextDueMs).toBe(Date.parse(at(10)));
    heap.track('A', 5, deadline(10));
    expect(heap.takeDue(Date.parse(at(10)))).toHaveLength(1);
  });

  it('stays small while one alert’s deadline keeps moving', () => {
    const heap = new DeadlineHeap();
    for (let i = 0; i < 10_000; i++) heap.track('A', i, deadline(i % 600));
    expect(heap.size).toBe(1);
    expect(heap.takeDue(Date.parse(at(10_000)))).toHaveLength(1);
  });
});
