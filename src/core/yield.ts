/**
 * Lets the event loop run: resolves on a later task (a macrotask), not a microtask. Long computations in a
 * worker await it between epochs or rounds so that messages sent to the worker (Stop, Cancel) are delivered
 * while they run; a resolved promise alone would not let them in. Works the same in Node.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
