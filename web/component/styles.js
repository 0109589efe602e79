// The element's styles. They reach the shadow root as a constructed stylesheet
// (adoptedStyleSheets): a host's `style-src 'self'` blocks <style> elements but not
// these. One sheet object is shared by every element on the page.
//
// Hosts restyle through the custom properties below (they inherit into the shadow
// root) and the ::part() names; `.root` resets everything else the page could pass
// down by inheritance. Colours use light-dark(), so one set serves both themes.
export const css = `
/* Not !important: a host may lay the element out (display, width, margins) as it likes. */
:host { display: block; }
:host([hidden]), [hidden] { display: none !important; }

.root {
  all: initial;
  display: block;
  container-type: inline-size;
  color-scheme: light;
  --bg: var(--saas-metrics-background, light-dark(#ffffff, #15171c));
  --surface: var(--saas-metrics-surface, light-dark(#f5f6f8, #1d2027));
  --text: var(--saas-metrics-text, light-dark(#171a21, #eceef2));
  --muted: var(--saas-metrics-muted, light-dark(#5d6472, #a3a9b6));
  --border: var(--saas-metrics-border, light-dark(#e3e6eb, #2d313a));
  --accent: var(--saas-metrics-accent, light-dark(#4f46e5, #8b87ff));
  --great: var(--saas-metrics-great, light-dark(#0a6a39, #4fd18b));
  --good: var(--saas-metrics-good, light-dark(#1a5db3, #6aa8ff));
  --watch: var(--saas-metrics-watch, light-dark(#8a4d00, #f2b552));
  --bad: var(--saas-metrics-bad, light-dark(#b01f27, #ff7b7f));
  --radius: var(--saas-metrics-radius, 12px);
  --gap: var(--saas-metrics-spacing, 16px);
  box-sizing: border-box;
  padding: var(--gap);
  border: 1px solid var(--border);
  border-radius: var(--radius);
  background: var(--bg);
  color: var(--text);
  font: 400 var(--saas-metrics-font-size, 15px) / 1.4 var(--saas-metrics-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-variant-numeric: tabular-nums;
  text-align: start;
}
:host([theme="dark"]) .root { color-scheme: dark; }
:host([theme="auto"]) .root { color-scheme: light dark; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }

.body { display: grid; gap: var(--gap); }
.full .body { grid-template-columns: minmax(0, 1fr); }
@container (min-width: 44em) {
  .full .body { grid-template-columns: minmax(15em, 2fr) minmax(0, 3fr); align-items: start; }
}
/* The metric grid below adapts to the results column, not to the whole element. */
.results { display: grid; gap: var(--gap); align-content: start; container-type: inline-size; }

[part~="form"] {
  display: grid;
  gap: calc(var(--gap) * 0.75);
  grid-template-columns: repeat(auto-fill, minmax(9em, 1fr));
}

[part~="field"] { display: grid; grid-template-columns: minmax(0, 1fr); gap: 4px; align-content: end; }
[part~="field-label"] { color: var(--muted); font-size: 0.85em; font-weight: 500; }
.control {
  display: flex;
  align-items: center;
  border: 1px solid var(--border);
  border-radius: calc(var(--radius) * 0.6);
  background: var(--bg);
  transition: border-color 0.15s, box-shadow 0.15s;
}
.control:focus-within { border-color: var(--accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 22%, transparent); }
.control:has([aria-invalid="true"]) { border-color: var(--bad); }
[part~="input"] {
  flex: 1;
  width: 100%;
  min-width: 0;
  padding: 0.5em 0.65em;
  border: 0;
  background: transparent;
  color: inherit;
  font: inherit;
  outline: none;
}
[part~="unit"] { padding-inline-end: 0.65em; color: var(--muted); font-size: 0.85em; }

/* Two columns when narrow; when wide, --columns (set per element from the number of
   metrics) keeps rows full: 4 metrics as 4 or 2 × 2, 6 as 3 × 2, never 3 + 1. */
[part~="metrics"] {
  display: grid;
  gap: calc(var(--gap) * 0.75);
  grid-template-columns: repeat(min(2, var(--columns)), minmax(0, 1fr));
}
@container (min-width: 40em) {
  [part~="metrics"] { grid-template-columns: repeat(var(--columns), minmax(0, 1fr)); }
}
[part~="metric"] {
  display: grid;
  align-content: start;
  gap: 2px;
  min-width: 0;
  container-type: inline-size; /* the value's size follows the tile's width */
  padding: calc(var(--gap) * 0.75) var(--gap);
  border-radius: calc(var(--radius) * 0.75);
  background: var(--surface);
}
[part~="metric-label"] { color: var(--muted); font-size: 0.85em; font-weight: 500; }
/* Never broken inside a number; shrinks in a narrow tile instead of spilling out of it. */
[part~="metric-value"] { font-size: min(1.5em, 21cqi); white-space: nowrap; font-weight: 650; letter-spacing: -0.01em; line-height: 1.2; }
[part~="grade"] {
  justify-self: start;
  margin-top: 4px;
  padding: 1px 8px;
  border-radius: 999px;
  font-size: 0.75em;
  font-weight: 600;
  --grade: var(--muted);
  color: var(--grade);
  background: color-mix(in srgb, var(--grade) 12%, transparent);
}
/* Only the first letter: "capitalize" would write each word's ("Følg Med"). */
[part~="grade"]::first-letter { text-transform: uppercase; }
[part~="grade-great"] { --grade: var(--great); }
[part~="grade-good"] { --grade: var(--good); }
[part~="grade-watch"] { --grade: var(--watch); }
[part~="grade-bad"] { --grade: var(--bad); }
[part~="metric-note"] { color: var(--muted); font-size: 0.8em; }
.stale [part~="metrics"], .stale [part~="chart"] { opacity: 0.45; }

[part~="chart"] { margin: 0; padding: var(--gap); border-radius: calc(var(--radius) * 0.75); background: var(--surface); }
[part~="chart"] figcaption { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4px 12px; margin-bottom: 8px; }
[part~="chart"] .title { font-weight: 600; }
[part~="chart"] .caption, [part~="chart"] .axis { color: var(--muted); font-size: 0.85em; }
[part~="chart"] svg { display: block; width: 100%; height: 7em; overflow: visible; }
[part~="chart"] .line { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; vector-effect: non-scaling-stroke; }
[part~="chart"] .area { fill: color-mix(in srgb, var(--accent) 14%, transparent); }
[part~="chart"] .break-even { stroke: var(--great); stroke-width: 1.5; stroke-dasharray: 4 4; vector-effect: non-scaling-stroke; }
[part~="chart"] .axis { display: flex; justify-content: space-between; margin-top: 6px; }

[part~="advice"] { margin: 0; padding-inline-start: 1.2em; color: var(--muted); font-size: 0.9em; }
[part~="advice"]:empty { display: none; }

[part~="error"] {
  margin-bottom: var(--gap);
  padding: calc(var(--gap) * 0.75) var(--gap);
  border: 1px solid color-mix(in srgb, var(--bad) 45%, transparent);
  border-radius: calc(var(--radius) * 0.75);
  background: color-mix(in srgb, var(--bad) 9%, var(--bg));
  color: var(--text);
}
[part~="error"] strong { display: block; margin-bottom: 4px; color: var(--bad); }
[part~="error"] ul { margin: 0; padding-inline-start: 1.2em; }
`;

let shared;

/** The one stylesheet every <saas-metrics> adopts, built on first use. */
export function styleSheet() {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(css);
  }
  return shared;
}
