// Shared by bench/page.mjs and bench/lab-page.mjs: 200 edits of a calculator input, each
// timed from the input event to the next task after a forced layout (the page recomputes in
// the input handler, uPlot and the lab redraw in the same task or a microtask).
export function timeEdits(page) {
  return page.evaluate(async () => {
    const input = document.querySelector('#editor [name="customers.starting"]');
    const shown = document.querySelector('#more [data-metric="customers"]');
    const nextTask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
    const out = [];
    for (let i = 0; i < 220; i += 1) {
      const start = performance.now();
      input.value = String(300 + i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await nextTask();
      void document.body.offsetHeight;
      out.push(performance.now() - start);
      if (shown.dataset.value !== String(300 + i)) throw new Error('the metrics did not update');
    }
    return out.slice(20); // the first edits warm up the JIT
  });
}
