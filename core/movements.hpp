// The MRR movements of one month, computed on the MRR at the month's start
// (contract sections 3 and 4 share them: month 0 is the snapshot).
#pragma once

#include "scenario.hpp"

namespace saas {

struct Movements {
    double new_mrr = 0;
    double expansion_mrr = 0;
    double contraction_mrr = 0;
    double churned_mrr = 0;
    double net_new_mrr = 0;
};

// Contraction only reaches customers who stay, so churn plus contraction never
// removes more than the whole MRR (README, "Decisions"); MRR never goes below 0.
inline Movements movements(const Scenario& s, double mrr, double arpa) {
    const double churn = s.customers.monthly_churn;
    const double contraction = s.revenue.monthly_contraction < 1 - churn
                                   ? s.revenue.monthly_contraction
                                   : 1 - churn;
    Movements m;
    m.new_mrr = s.customers.new_per_month * arpa;
    m.expansion_mrr = mrr * s.revenue.monthly_expansion;
    m.contraction_mrr = mrr * contraction;
    m.churned_mrr = mrr * churn;
    m.net_new_mrr = m.new_mrr + m.expansion_mrr - m.contraction_mrr - m.churned_mrr;
    return m;
}

} // namespace saas
