/**
 * Lets the event loop run: resolves on a later task (a macrotask), not a microtask. Long computations in a
 * worker await it between epochs or rounds so that messages sent to the worker (Stop, Cancel) are delivered
 * while they run; a resolved promise alone would not let them in. A MessageChannel message is a task that
 * browsers do not clamp, unlike nested `setTimeout(0)` (at least 4 ms, which would outweigh the epochs of a
 * small table). Works the same in Node, where the receiving port holds the process open only while someone
 * waits on it (ref'd then, unref'd when idle), so it neither ends a run early nor keeps a finished one alive.
 */
type NodePort = MessagePort & { ref?: () => void; unref?: () => void };

const waiting: (() => void)[] = [];
let ports: { receive: NodePort; send: MessagePort } | null = null;

function channel() {
  if (ports || typeof MessageChannel === 'undefined') return ports;
  const { port1, port2 } = new MessageChannel();
  const receive = port1 as NodePort;
  receive.onmessage = () => {
    waiting.shift()?.();
    if (waiting.length === 0) receive.unref?.();
  };
  receive.unref?.();
  ports = { receive, send: port2 };
  return ports;
}

export function nextTask(): Promise<void> {
  const found = channel();
  if (!found) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    found.receive.ref?.();
    found.send.postMessage(null);
  });
}
