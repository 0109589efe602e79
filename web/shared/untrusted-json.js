// Untrusted JSON text (a share link, a file) -> a plain object, shape-checked before the
// core parses anything, so hostile input fails here with a clear message.

const maxDepth = 6; // a scenario nests objects 5 deep (root, plans, plan, tiers, tier)

// Stops descending at maxDepth, so a hostile "[[[[…" cannot exhaust the stack here.
function tooDeep(value, level = 0) {
  if (value === null || typeof value !== 'object') return false;
  return level >= maxDepth || Object.values(value).some((child) => tooDeep(child, level + 1));
}

/** JSON text -> object, or throws Error saying what is wrong. Guards the core against
 *  absurdly nested input before it parses anything. */
export function checkShape(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('it is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('it is not a scenario object');
  if (tooDeep(value)) throw new Error('it is nested far deeper than a scenario');
  return value;
}
