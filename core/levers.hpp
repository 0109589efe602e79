// Levers of the pricing lab (contract section 9): the numeric inputs of a scenario, named
// by their JSON path, each with its allowed range, plus `price_factor`. A path is parsed
// once into a small value, so the tools set inputs without any string work.
#pragma once

#include "message_codes.hpp"
#include "scenario.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace saas {

enum class LeverField {
    price, unit_price, units, share, tier_unit_price, tier_flat, // per plan (and tier)
    starting, new_per_month, monthly_churn, monthly_expansion, monthly_contraction,
    sales_marketing_per_month, gross_margin, fixed_per_month,
    price_factor, // every plan's price, unit_price and tier unit_price/flat times one factor
};

struct Lever {
    LeverField field;
    int plan = 0; // for the per-plan fields
    int tier = 0; // for the tier fields
    friend bool operator==(const Lever&, const Lever&) = default;
};

struct LeverRange {
    double min;
    double max;
};

// price_factor goes from 0 (everything free) to 100 times today's prices (README).
inline constexpr double max_price_factor = 100;

// The lever a path names, or a message saying why it names none (quoting the path as
// what was given). A path may name a plan or tier the scenario lacks: lever_of checks that.
std::variant<Lever, Message> parse_lever(std::string_view path);

// The lever as given by parse_lever for this scenario, or why the scenario has no such
// input (no plan 3, tiers replace unit_price, ...).
std::variant<Lever, Message> lever_of(const Scenario& s, std::string_view path);

std::string lever_path(const Lever& lever);

// In words, for notes: "the monthly churn", "plan 1's price".
std::string lever_label(const Lever& lever);

LeverRange lever_range(const Lever& lever);

// Today's value; price_factor is 1.
double lever_value(const Scenario& s, const Lever& lever);

// Sets the lever to x in `work`, a copy of `base` (price_factor scales base's prices).
void set_lever(Scenario& work, const Scenario& base, const Lever& lever, double x);

// Every lever of the scenario, in document order, price_factor last.
std::vector<Lever> all_levers(const Scenario& s);

} // namespace saas
