// The words of the pricing lab (contract section 9): what its target metrics and levers are
// called and how their values are shown and typed. A lever is a scenario input named by its
// JSON path, or `price_factor` (every price times one factor); the core lists a scenario's
// levers with their ranges. Nothing here computes a metric. Words are in the language of
// `t` (shared/i18n.js): the calculator's "metric.<key>" and "field.<id>" messages, and
// "lever.<...>" for the lab's own.
import { metricInfo, formatValue } from './format.js';
import { describeField, setPath, fromShown, shownText } from './fields.js';

/** Every metric a lab tool can target, with its kind of number; the lab's own four are
 *  worded "lever.metric.<key>", the rest "metric.<key>". */
export const targetMetrics = {
  ...metricInfo,
  break_even_month: { unit: 'months', own: true },
  mrr_at_horizon: { unit: 'money', own: true },
  customers_at_horizon: { unit: 'count', own: true },
  cumulative_profit_at_horizon: { unit: 'money', own: true },
};

/** The message key of a target metric's name (for data-i18n). */
export const targetKey = (key) => (targetMetrics[key]?.own ? `lever.metric.${key}` : `metric.${key}`);

/** A target metric's name in t's language: "LTV/CAC", "Break-even month". */
export const targetLabel = (key, t) => t(targetKey(key));

/** A lever's field description in t's language: label (qualified by plan), unit and percent scale. */
export function leverInfo(path, scenario, t) {
  if (path === 'price_factor') return { path, unit: 'ratio', label: t('lever.price_factor'), help: t('lever.price_factor_help') };
  return describeField(path, scenario, t) ?? { label: path, unit: 'count', path };
}

/** A lever's label inside a sentence: "monthly customer churn", but "Starter · Flat price".
 *  Only the first letter is lowered, and not in an abbreviation ("MRR …" stays). */
export function leverInSentence(path, scenario, t) {
  const { label } = leverInfo(path, scenario, t);
  if (path.startsWith('plans') || /^.\p{Lu}/u.test(label)) return label;
  return label.charAt(0).toLocaleLowerCase(t.language) + label.slice(1);
}

/** A lever's value as shown: "$41.20", "2.4%", "1.18×", "1,250"; `format` is { currency, locale, t }. */
export function formatLever(path, value, scenario, format) {
  const { unit } = leverInfo(path, scenario, format.t);
  return formatValue(value, unit === 'percent' || unit === 'money' || unit === 'ratio' ? unit : 'count', format);
}

/** A target metric's value as shown: "3×", "$12,400", "month 14". */
export function formatTarget(key, value, format) {
  if (key === 'break_even_month') return value === null ? format.t('lever.no_break_even') : format.t('lever.month', { month: value });
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

/**
 * What to do to reach a goal, as one sentence: "Price Starter at $41.20 for LTV/CAC 3×.",
 * "Multiply every price by 1.18 for …", "Set monthly customer churn to 2.4% for …".
 * `goal` is { metric, achieved }: the target metric's key and the value the core reached.
 */
export function leverAction(path, value, scenario, format, goal) {
  const { t } = format;
  const shown = formatLever(path, value, scenario, format);
  const target = { metric: targetLabel(goal.metric, t), achieved: formatTarget(goal.metric, goal.achieved, format) };
  const plan = /^plans\[(\d+)\]\.(price|unit_price)$/.exec(path);
  if (plan) {
    const name = scenario.plans[plan[1]]?.name || t('lever.plan_numbered', { n: Number(plan[1]) + 1 });
    return t(plan[2] === 'unit_price' ? 'lever.action.unit_price' : 'lever.action.price', { plan: name, value: shown, ...target });
  }
  if (path === 'price_factor') return t('lever.action.factor', { factor: shown.replace('×', ''), ...target });
  return t('lever.action.set', { lever: leverInSentence(path, scenario, t), value: shown, ...target });
}
