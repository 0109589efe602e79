// What every uPlot chart's axes share: the compact numbers of their ticks, and a width that
// fits their longest label.

/** Tick labels: compact ("$50k", "1.2M"), money when `currency` is given. Legends and
 *  tables follow the page's money rule instead (format.js). */
export const axisNumber = (locale, currency) => new Intl.NumberFormat(locale,
  { notation: 'compact', maximumFractionDigits: 1, ...(currency && { style: 'currency', currency }) });

/** An axis as wide as its longest label (about 7 px a character at its 12 px font), at
 *  least `least` px: "−200k USD" and "US$50k" need more room than "$50k", and a fixed width
 *  cut them in Swedish, Norwegian and Chinese. Used as an axis's `size`. */
export const fittingSize = (least) => (u, values) =>
  Math.max(least, 16 + 7 * Math.max(0, ...(values ?? []).map((v) => String(v ?? '').length)));
