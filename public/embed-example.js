// Listens to the embedded workbench (docs/embedding.md): `lepton:trained` when a run finishes, then
// `lepton:results` with the headline figures and the fairness audit. Only messages from the frame's own
// window and origin are read.
const frame = document.getElementById('workbench');
const list = document.getElementById('messages');
const summary = document.getElementById('summary');
const frameOrigin = new URL(frame.src, document.baseURI).origin;

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== frameOrigin) return;
  const message = event.data;
  if (!message || typeof message.type !== 'string' || !message.type.startsWith('lepton:')) return;
  const item = document.createElement('li');
  item.dataset.type = message.type;
  item.textContent = `${message.type}: ${JSON.stringify(message)}`;
  list.append(item);
  if (message.type === 'lepton:results') {
    const accuracy = message.metrics.accuracy;
    const gap = message.fairness[0]?.demographicParityDifference;
    summary.textContent =
      `Accuracy ${accuracy === null ? 'not defined' : accuracy.toFixed(3)}; ` +
      `demographic parity difference by ${message.fairness[0]?.attribute ?? '–'}: ` +
      `${gap === null || gap === undefined ? 'not defined' : gap.toFixed(3)}.`;
  }
});
