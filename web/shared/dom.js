// A tiny element builder. Text always goes in as text nodes, never as markup, so
// user-typed names and imported files cannot inject HTML; there is no innerHTML here.

/**
 * h('p', { class: 'note', hidden: true }, 'text', child) -> element.
 * Attributes whose value is false/null/undefined are skipped; `true` sets an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child != null && child !== false));
  return element;
}

/** Writes text only when it changed: untouched text costs no layout on the next frame. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** The same for a property (`hidden`, ARIA's `ariaLabel`) or a data attribute (`target` an
 *  element or its dataset): an attribute written again, even unchanged, has its element's
 *  style worked out again (a keystroke rewrote every card's data-grade: 4 ms of its 11). */
export function assign(target, name, value) {
  if (target[name] !== value) target[name] = value;
}

/** Turns a JSON path or key into a fragment usable in an id (`plans[0].price` -> `plans-0-price`). */
export function idFor(prefix, path) {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '')}`;
}
