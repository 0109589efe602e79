// The month-0 snapshot (contract section 3): every metric, or nothing plus a note
// saying why when the metric is undefined.
#pragma once

#include "message_codes.hpp"
#include "projection.hpp"
#include "scenario.hpp"

#include <optional>
#include <string>
#include <vector>

namespace saas {

struct Metrics {
    std::optional<double> arpa, mrr, arr, customers, new_mrr, expansion_mrr, contraction_mrr,
        churned_mrr, net_new_mrr, customer_churn_monthly, customer_churn_annual,
        gross_mrr_churn_monthly, net_mrr_churn_monthly, nrr_annual, grr_annual,
        customer_lifetime_months, ltv, cac, cac_payback_months, ltv_to_cac, quick_ratio,
        burn_or_profit_monthly, profit_margin, burn_multiple, mrr_growth_annual, rule_of_40;

    // One note per undefined metric, in the order of metric_fields, so notes[i]
    // explains the i-th null metric; advice on defined metrics follows them. Each is kept
    // as the function that makes it: the pricing lab computes metrics thousands of times
    // a request and reads no note.
    std::vector<Message (*)()> notes;
};

// Annual MRR growth reads the projection's month 12.
inline constexpr std::size_t growth_months = 12;
// Above LTV/CAC's "great" bound (contract section 5) growth may be under-funded.
inline constexpr double under_funded_ltv_to_cac = 5;

struct MetricField {
    const char* key; // the contract's name
    std::optional<double> Metrics::*value;
};

inline constexpr MetricField metric_fields[] = {
    {"arpa", &Metrics::arpa},
    {"mrr", &Metrics::mrr},
    {"arr", &Metrics::arr},
    {"customers", &Metrics::customers},
    {"new_mrr", &Metrics::new_mrr},
    {"expansion_mrr", &Metrics::expansion_mrr},
    {"contraction_mrr", &Metrics::contraction_mrr},
    {"churned_mrr", &Metrics::churned_mrr},
    {"net_new_mrr", &Metrics::net_new_mrr},
    {"customer_churn_monthly", &Metrics::customer_churn_monthly},
    {"customer_churn_annual", &Metrics::customer_churn_annual},
    {"gross_mrr_churn_monthly", &Metrics::gross_mrr_churn_monthly},
    {"net_mrr_churn_monthly", &Metrics::net_mrr_churn_monthly},
    {"nrr_annual", &Metrics::nrr_annual},
    {"grr_annual", &Metrics::grr_annual},
    {"customer_lifetime_months", &Metrics::customer_lifetime_months},
    {"ltv", &Metrics::ltv},
    {"cac", &Metrics::cac},
    {"cac_payback_months", &Metrics::cac_payback_months},
    {"ltv_to_cac", &Metrics::ltv_to_cac},
    {"quick_ratio", &Metrics::quick_ratio},
    {"burn_or_profit_monthly", &Metrics::burn_or_profit_monthly},
    {"profit_margin", &Metrics::profit_margin},
    {"burn_multiple", &Metrics::burn_multiple},
    {"mrr_growth_annual", &Metrics::mrr_growth_annual},
    {"rule_of_40", &Metrics::rule_of_40},
};

// `arpa` is arpa(s.plans) and `projection` is project(s, arpa): annual growth reads month 12.
Metrics compute_metrics(const Scenario& s, double arpa, const Projection& projection);

} // namespace saas
