// A File as a stream of big chunks. Each call into the wasm core has a cost, and V8 runs
// a long loop in optimized code only after a few calls, so the core wants chunks of a few
// MiB. Where the file's stream is a byte stream (Chromium's is), the browser writes straight
// into one 4 MiB buffer (a "BYOB" reader: half the time of taking its pieces and gathering
// them); elsewhere its pieces are copied into that buffer.
const size = 4 << 20;

/** Yields Uint8Array chunks of `file`, in order; each is valid until the next is asked for. */
export async function* readChunks(file) {
  const stream = file.stream();
  const fill = bytesInto(stream) ?? piecesInto(stream);
  let buffer = new ArrayBuffer(size);
  for (let done = false; !done;) {
    let filled;
    ({ buffer, filled, done } = await fill(buffer));
    if (filled > 0) yield new Uint8Array(buffer, 0, filled);
  }
}

/** Fills a buffer from a byte stream's BYOB reader, which hands back the (transferred) buffer;
 *  null when the stream is not a byte stream. */
function bytesInto(stream) {
  let reader;
  try {
    reader = stream.getReader({ mode: 'byob' });
  } catch {
    return null;
  }
  return async (buffer) => {
    let filled = 0;
    while (filled < size) {
      const { done, value } = await reader.read(new Uint8Array(buffer, filled, size - filled));
      if (value) buffer = value.buffer;
      if (done) return { buffer, filled, done };
      filled += value.length;
    }
    return { buffer, filled, done: false };
  };
}

/** Fills a buffer with a default reader's pieces, keeping what does not fit for the next. */
function piecesInto(stream) {
  const reader = stream.getReader();
  let rest = new Uint8Array(0);
  return async (buffer) => {
    const into = new Uint8Array(buffer);
    let filled = 0;
    for (;;) {
      const taken = Math.min(size - filled, rest.length);
      into.set(rest.subarray(0, taken), filled);
      filled += taken;
      rest = rest.subarray(taken);
      if (filled === size) return { buffer, filled, done: false };
      const { done, value } = await reader.read();
      if (done) return { buffer, filled, done };
      rest = value;
    }
  };
}
