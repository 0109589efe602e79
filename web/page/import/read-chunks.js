// A File as a stream of big chunks. Each call into the wasm core has a cost, and V8 runs
// a long loop in optimized code only after a few calls, so the core wants chunks of a few
// MiB: the browser's stream pieces are passed on as they are when big enough, and small
// ones are gathered into one buffer first (the only copy made in JavaScript).
const size = 4 << 20;

/** Yields Uint8Array chunks of `file`, in order; each is valid until the next is asked for. */
export async function* readChunks(file) {
  const reader = file.stream().getReader();
  const gathered = new Uint8Array(size);
  let filled = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (filled === 0 && value.length >= size / 4) {
      yield value;
      continue;
    }
    for (let at = 0; at < value.length;) {
      const taken = Math.min(size - filled, value.length - at);
      gathered.set(value.subarray(at, at + taken), filled);
      filled += taken;
      at += taken;
      if (filled === size) {
        yield gathered;
        filled = 0;
      }
    }
  }
  if (filled > 0) yield gathered.subarray(0, filled);
}
