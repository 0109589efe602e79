// Named starting points for the model (contract section 1). They are plain data;
// callers get deep copies so editing the model never changes an example.

const examples = {
  smb: {
    schema: 1, name: 'Self-serve SMB', currency: 'USD',
    plans: [
      { name: 'Starter', billing: 'monthly', price: 29, share: 6 },
      { name: 'Pro', billing: 'monthly', price: 79, share: 3 },
      { name: 'Pro annual', billing: 'annual', price: 790, share: 1 },
    ],
    customers: { starting: 400, new_per_month: 60, monthly_churn: 0.04 },
    revenue: { monthly_expansion: 0.01, monthly_contraction: 0.005 },
    costs: { sales_marketing_per_month: 18000, gross_margin: 0.8, fixed_per_month: 22000 },
    options: { horizon_months: 36, lifetime_cap_months: 60 },
  },
  seats: {
    schema: 1, name: 'Mid-market seats', currency: 'USD',
    plans: [
      { name: 'Team', billing: 'monthly', price: 0, unit_price: 25, units: 12, share: 2 },
      { name: 'Business', billing: 'monthly', price: 99, units: 40, share: 1, tier_mode: 'graduated',
        tiers: [{ up_to: 10, unit_price: 30, flat: 0 }, { up_to: 50, unit_price: 24, flat: 0 },
          { up_to: null, unit_price: 18, flat: 0 }] },
    ],
    customers: { starting: 120, new_per_month: 8, monthly_churn: 0.015 },
    revenue: { monthly_expansion: 0.025, monthly_contraction: 0.008 },
    costs: { sales_marketing_per_month: 60000, gross_margin: 0.78, fixed_per_month: 45000 },
    options: { horizon_months: 36, lifetime_cap_months: 84 },
  },
  enterprise: {
    schema: 1, name: 'Enterprise annual', currency: 'EUR',
    plans: [
      { name: 'Growth', billing: 'annual', price: 9000, share: 2 },
      { name: 'Enterprise', billing: 'annual', price: 24000, units: 250, share: 1, tier_mode: 'volume',
        tiers: [{ up_to: 100, unit_price: 60, flat: 0 }, { up_to: 500, unit_price: 50, flat: 0 },
          { up_to: null, unit_price: 40, flat: 0 }] },
    ],
    customers: { starting: 35, new_per_month: 1.5, monthly_churn: 0.006 },
    revenue: { monthly_expansion: 0.02, monthly_contraction: 0.005 },
    costs: { sales_marketing_per_month: 90000, gross_margin: 0.85, fixed_per_month: 110000 },
    options: { horizon_months: 60, lifetime_cap_months: 120 },
  },
  blank: {
    schema: 1, name: '', currency: 'USD',
    plans: [{ name: 'Plan 1', billing: 'monthly', price: 0, share: 1 }],
    customers: { starting: 0, new_per_month: 0, monthly_churn: 0 },
    revenue: { monthly_expansion: 0, monthly_contraction: 0 },
    costs: { sales_marketing_per_month: 0, gross_margin: 1, fixed_per_month: 0 },
    options: { horizon_months: 36, lifetime_cap_months: 60 },
  },
};

/** Ids in menu order; the menu's words are the messages "example.<id>". The scenarios' own
 *  names (and their plans') are data, like a founder's, and stay as written. */
export const exampleList = ['smb', 'seats', 'enterprise', 'blank'];

export const defaultExample = 'smb';

export function example(id) {
  return structuredClone(examples[id]);
}
