// The scenario an element shows when it is given none: the contract's example
// (section 1), so a bare <saas-metrics> already demonstrates every part.
export const exampleScenario = {
  schema: 1,
  name: 'Base case',
  currency: 'USD',
  plans: [
    { name: 'Starter', billing: 'monthly', price: 29, share: 0.7 },
    { name: 'Team', billing: 'annual', unit_price: 96, units: 8, share: 0.3 },
  ],
  customers: { starting: 200, new_per_month: 25, monthly_churn: 0.03 },
  revenue: { monthly_expansion: 0.01, monthly_contraction: 0.005 },
  costs: { sales_marketing_per_month: 15000, gross_margin: 0.8, fixed_per_month: 20000 },
  options: { horizon_months: 36, lifetime_cap_months: 60 },
};
