import { describe, expect, it } from 'vitest';
import { nextTask } from './yield';

describe('nextTask', () => {
  it('resolves on a later task, after pending microtasks, in the order asked', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the timer has run
    const a = nextTask().then(() => order.push('a'));
    const b = nextTask().then(() => order.push('b'));
    void Promise.resolve().then(() => order.push('microtask'));
    await Promise.all([a, b]);
    expect(order).toEqual(['timer', 'microtask', 'a', 'b']);
  });
});
