// The input of every computation: a SaaS business described as plain values
// (shared/spec/metrics.md, section 1). Defaults here are the contract's defaults.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace saas {

enum class Billing { monthly, annual };
enum class TierMode { graduated, volume };

struct Tier {
    std::optional<double> up_to; // empty: the last, open-ended tier
    double unit_price = 0;
    double flat = 0;
};

struct Plan {
    std::string name;
    Billing billing = Billing::monthly;
    double price = 0;
    double unit_price = 0;
    double units = 1;
    std::vector<Tier> tiers; // when not empty, replaces unit_price
    TierMode tier_mode = TierMode::graduated;
    double share = 1;
};

struct Customers {
    double starting = 0;
    double new_per_month = 0;
    double monthly_churn = 0;
};

struct Revenue {
    double monthly_expansion = 0;
    double monthly_contraction = 0;
};

struct Costs {
    double sales_marketing_per_month = 0;
    double gross_margin = 1;
    double fixed_per_month = 0;
};

struct Options {
    int horizon_months = 36;
    int lifetime_cap_months = 60;
};

struct Scenario {
    std::string name;
    std::string currency = "USD";
    std::vector<Plan> plans;
    Customers customers;
    Revenue revenue;
    Costs costs;
    Options options;
};

} // namespace saas
