// A tiny element builder: attributes are set one by one and children appended as
// nodes or text, so user-supplied strings never pass through an HTML parser.

/** h('span', { part: 'label' }, 'MRR') -> <span part="label">MRR</span>; null/false attributes are skipped. */
export function h(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** The same for SVG elements. */
export function s(tag, attributes = {}, ...children) {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes))
    if (value !== null && value !== undefined && value !== false)
      element.setAttribute(name, value === true ? '' : value);
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}
