// The share link: the whole scenario in the URL fragment, deflated and base64url-encoded
// (a typical model is a few hundred characters). The fragment never reaches a server.
// The pricing lab's settings may follow as a second parameter, encoded alike:
// `#s=<scenario>&lab=<settings>`; a link without it is still a whole link.
// Decoding treats the link as hostile: sizes are capped and every failure is a clear message.
import { checkShape } from './untrusted-json.js';

const prefix = '#s=';
const labPrefix = '&lab=';
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

async function encode(value) {
  const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** Scenario -> "#s=…". */
export async function encodeScenario(scenario) {
  return prefix + await encode(scenario);
}

/** The lab's settings -> "&lab=…", to append to a scenario's link. */
export async function encodeLabSettings(settings) {
  return labPrefix + await encode(settings);
}

/** The "&lab=…" part of a link, or ''. */
export const labPart = (hash) => (isShareLink(hash) && hash.includes(labPrefix) ? hash.slice(hash.indexOf(labPrefix)) : '');

/** True when a fragment carries a shared scenario. */
export const isShareLink = (hash) => hash.startsWith(prefix);

/** base64url code -> JSON text; throws Error with a reader's message. */
async function decode(code) {
  if (code.length > maxLink) throw new Error('the link is too long to be a scenario');
  if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new Error('the link is damaged (it contains characters a scenario link never has)');
  try {
    return await inflate(fromBase64Url(code));
  } catch (error) {
    throw new Error(error.message.startsWith('the scenario') ? error.message : 'the link is damaged or incomplete (it could not be unpacked)');
  }
}

/** "#s=…" (maybe with "&lab=…") -> scenario object (not yet validated by the core); throws Error with a reader's message. */
export async function decodeScenario(hash) {
  const end = hash.indexOf(labPrefix);
  return checkShape(await decode(hash.slice(prefix.length, end < 0 ? undefined : end)));
}

/** The lab's settings in a link: an object (each value still to be checked by the lab), or
 *  null when the link has none; throws Error with a reader's message. */
export async function decodeLabSettings(hash) {
  const part = labPart(hash);
  return part ? checkShape(await decode(part.slice(labPrefix.length))) : null;
}
