// The working model, kept in this browser so a reload (or a closed tab) loses nothing.
// The stored value is `{"scenario": <the model as edited, valid or not>, "example": "<id or ''>"}`;
// other code reads it synchronously at first paint, so that shape stays. Storage may be
// full, disabled or hold junk: reading never throws and returns null for anything unusable.

const key = 'saas-metrics.working.v1';

/** The text to store for a model: also what the undo stack keeps (history.js). */
export const workingText = (scenario, example) => JSON.stringify({ scenario, example });

/** { scenario, example } from a stored or remembered text, or null. */
export function parseWorking(text) {
  try {
    const { scenario, example } = JSON.parse(text);
    if (!scenario || typeof scenario !== 'object' || Array.isArray(scenario)) return null;
    // The editor shows any value, typed or not, but needs each plan to be an object.
    if (Array.isArray(scenario.plans) && !scenario.plans.every((plan) => plan && typeof plan === 'object')) return null;
    return { scenario, example: typeof example === 'string' ? example : '' };
  } catch {
    return null;
  }
}

export function readWorking() {
  try {
    return parseWorking(localStorage.getItem(key));
  } catch {
    return null;
  }
}

/** Returns false when the browser refused to store (quota, privacy mode). */
export function writeWorking(text) {
  try {
    localStorage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}
