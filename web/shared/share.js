// The share link: the whole scenario in the URL fragment, deflated and base64url-encoded
// (a typical model is a few hundred characters). The fragment never reaches a server.
// Decoding treats the link as hostile: sizes are capped and every failure is a clear message.
import { checkShape } from './untrusted-json.js';

const prefix = '#s=';
const maxLink = 100_000; // characters of encoded text
const maxJson = 1_000_000; // bytes after inflating, against deflate bombs

function toBase64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function inflate(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxJson) {
      await reader.cancel();
      throw new Error('the scenario in this link is too large');
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(chunks).arrayBuffer());
}

/** Scenario -> "#s=…". */
export async function encodeScenario(scenario) {
  const stream = new Blob([JSON.stringify(scenario)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return prefix + toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** True when a fragment carries a shared scenario. */
export const isShareLink = (hash) => hash.startsWith(prefix);

/** "#s=…" -> scenario object (not yet validated by the core); throws Error with a reader's message. */
export async function decodeScenario(hash) {
  const code = hash.slice(prefix.length);
  if (code.length > maxLink) throw new Error('the link is too long to be a scenario');
  if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new Error('the link is damaged (it contains characters a scenario link never has)');
  let text;
  try {
    text = await inflate(fromBase64Url(code));
  } catch (error) {
    throw new Error(error.message.startsWith('the scenario') ? error.message : 'the link is damaged or incomplete (it could not be unpacked)');
  }
  return checkShape(text);
}
