import { ReviewQueue } from './review-queue';

const customer = (index: number) => ({ index });

describe('the review queue of a branch', () => {
  it.each([
    [
      'by due day first',
      [
        [12, 3],
        [10, 5],
        [11, 1],
      ],
      20,
      [
        [10, 5],
        [11, 1],
        [12, 3],
      ],
    ],
    [
      'by the order customers were first seen on the same day',
      [
        [10, 7],
        [10, 2],
        [10, 4],
      ],
      10,
      [
        [10, 2],
        [10, 4],
        [10, 7],
      ],
    ],
    [
      'only what is due by the closing day',
      [
        [9, 1],
        [10, 2],
        [11, 3],
      ],
      10,
      [
        [9, 1],
        [10, 2],
      ],
    ],
  ])('hands out customers %s', (_situation, pushed, closing, expected) => {
    const queue = new ReviewQueue<{ index: number }>();
    for (const [day, index] of pushed as number[][]) queue.push(day ?? 0, customer(index ?? 0));
    const popped: number[][] = [];
    for (let due = queue.popDue(closing); due; due = queue.popDue(closing))
      popped.push([due.day, due.item.index]);
    expect(popped).toEqual(expected);
  });

  it('stays ordered over many pushes and pops', () => {
    const queue = new ReviewQueue<{ index: number }>();
    const days = Array.from({ length: 500 }, (_, i) => (i * 7919) % 101);
    days.forEach((day, index) => queue.push(day, customer(index)));
    const popped: number[] = [];
    for (let due = queue.popDue(200); due; due = queue.popDue(200)) popped.push(due.day);
    expect(popped).toEqual([...days].sort((a, b) => a - b));
  });
});
