// The words of the pricing lab (contract section 9): what its target metrics and levers are
// called and how their values are shown and typed. A lever is a scenario input named by its
// JSON path, or `price_factor` (every price times one factor); the core lists a scenario's
// levers with their ranges. Nothing here computes a metric.
import { metricInfo, formatValue } from './format.js';
import { describeField, setPath, fromShown, shownText } from './fields.js';

/** Every metric a lab tool can target, with its label and kind of number. */
export const targetMetrics = {
  ...metricInfo,
  break_even_month: { label: 'Break-even month', unit: 'months', help: 'First projected month with a profit.' },
  mrr_at_horizon: { label: 'MRR at the horizon', unit: 'money', help: 'MRR in the last projected month.' },
  customers_at_horizon: { label: 'Customers at the horizon', unit: 'count', help: 'Customers in the last projected month.' },
  cumulative_profit_at_horizon: { label: 'Cumulative profit at the horizon', unit: 'money', help: 'Profit summed over the projection.' },
};

const priceFactor = { label: 'Every price (factor)', unit: 'ratio', help: 'Every plan’s prices times one factor; 1 is today’s.' };

/** A lever's field description: label (qualified by plan), unit and percent scale. */
export function leverInfo(path, scenario) {
  return path === 'price_factor' ? { ...priceFactor, path } : describeField(path, scenario) ?? { label: path, unit: 'count', path };
}

/** A lever's label inside a sentence: "monthly customer churn", but "Starter · Flat price". */
export function leverInSentence(path, scenario) {
  const { label } = leverInfo(path, scenario);
  return path.startsWith('plans') ? label : label.toLowerCase();
}

/** A lever's value as shown: "$41.20", "2.4%", "1.18×", "1,250". */
export function formatLever(path, value, scenario, format) {
  const { unit } = leverInfo(path, scenario);
  return formatValue(value, unit === 'percent' || unit === 'money' || unit === 'ratio' ? unit : 'count', format);
}

/** A target metric's value as shown: "3×", "$12,400", "month 14". */
export function formatTarget(key, value, format) {
  if (key === 'break_even_month') return value === null ? 'no break-even' : `month ${value}`;
  return formatValue(value, targetMetrics[key].unit, format);
}

/** What a metric's value is typed as (percent metrics in percent) <-> its value. */
const percentField = { scale: 0.01 };
export const typedMetric = (key, text) => fromShown(Number(text), targetMetrics[key].unit === 'percent' ? percentField : {});
export const shownMetric = (key, value) => shownText(value, targetMetrics[key].unit === 'percent' ? percentField : {});

/** A copy of the scenario with a lever set to `value`, as the core sets it (levers.hpp):
 *  price_factor multiplies every plan's price, unit price and tier prices and flat fees. */
export function withLever(scenario, path, value) {
  const next = structuredClone(scenario);
  if (path !== 'price_factor') return setPath(next, path, value);
  const scale = (owner, key) => { if (typeof owner[key] === 'number') owner[key] *= value; };
  for (const plan of next.plans) {
    scale(plan, 'price');
    scale(plan, 'unit_price');
    for (const tier of plan.tiers ?? []) {
      scale(tier, 'unit_price');
      scale(tier, 'flat');
    }
  }
  return next;
}

/** "Price Starter at $41.20", "Set every price to 1.18×", "Set monthly customer churn to 2.4%". */
export function leverAction(path, value, scenario, format) {
  const shown = formatLever(path, value, scenario, format);
  const plan = /^plans\[(\d+)\]\.(price|unit_price)$/.exec(path);
  if (plan) {
    const name = scenario.plans[plan[1]]?.name || `plan ${Number(plan[1]) + 1}`;
    return `Price ${name} at ${shown}${plan[2] === 'unit_price' ? ' per unit' : ''}`;
  }
  if (path === 'price_factor') return `Multiply every price by ${shown.replace('×', '')}`;
  return `Set ${leverInSentence(path, scenario)} to ${shown}`;
}
