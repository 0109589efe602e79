// Saved scenarios, kept in localStorage across reloads. Storage may be full, disabled
// or hold junk from another version: reading never throws and skips what it cannot use.

const key = 'saas-metrics.saved.v1';

/** [{ name, scenario, saved }] in saved order. */
export function loadSaved() {
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(list)
      ? list.filter((entry) => typeof entry?.name === 'string' && entry.scenario && typeof entry.scenario === 'object')
      : [];
  } catch {
    return [];
  }
}

/** Returns false when the browser refused to store (quota, privacy mode). */
export function storeSaved(list) {
  try {
    localStorage.setItem(key, JSON.stringify(list));
    return true;
  } catch {
    return false;
  }
}
