// A File as a stream of big chunks, each read into a buffer the caller hands over. Each call
// into the wasm core has a cost, and V8 runs a long loop in optimized code only after a few
// calls, so the core wants chunks of a few MiB. Where the file's stream is a byte stream
// (Chromium's is), the browser writes straight into the buffer (a "BYOB" reader: half the
// time of taking its pieces and gathering them); elsewhere its pieces are copied into it.
export const chunkSize = 4 << 20;

/**
 * Yields Uint8Array chunks of `file`, in order, each filling (from its start) the ArrayBuffer
 * of chunkSize bytes that `nextBuffer()` gives or resolves to; stops early when that is null.
 */
export async function* readChunks(file, nextBuffer) {
  const stream = file.stream();
  const { reader, fill } = bytesInto(stream) ?? piecesInto(stream);
  try {
    for (let done = false; !done;) {
      let buffer = await nextBuffer();
      if (!buffer) return;
      let filled;
      ({ buffer, filled, done } = await fill(buffer));
      if (filled > 0) yield new Uint8Array(buffer, 0, filled);
    }
  } finally {
    reader.cancel().catch(() => {}); // stops the browser reading on when the caller stopped early
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
  const fill = async (buffer) => {
    let filled = 0;
    while (filled < chunkSize) {
      const { done, value } = await reader.read(new Uint8Array(buffer, filled, chunkSize - filled));
      if (value) buffer = value.buffer;
      if (done) return { buffer, filled, done };
      filled += value.length;
    }
    return { buffer, filled, done: false };
  };
  return { reader, fill };
}

/** Fills a buffer with a default reader's pieces, keeping what does not fit for the next. */
function piecesInto(stream) {
  const reader = stream.getReader();
  let rest = new Uint8Array(0);
  const fill = async (buffer) => {
    const into = new Uint8Array(buffer);
    let filled = 0;
    for (;;) {
      const taken = Math.min(chunkSize - filled, rest.length);
      into.set(rest.subarray(0, taken), filled);
      filled += taken;
      rest = rest.subarray(taken);
      if (filled === chunkSize) return { buffer, filled, done: false };
      const { done, value } = await reader.read();
      if (done) return { buffer, filled, done };
      rest = value;
    }
  };
  return { reader, fill };
}
