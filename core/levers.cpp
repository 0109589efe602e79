#include "levers.hpp"

#include "messages.hpp"
#include "scenario_json.hpp"

#include <nlohmann/json.hpp>

#include <charconv>

namespace saas {
namespace {

struct Named {
    std::string_view path; // after "plans[i]." or "plans[i].tiers[j]." for per-plan fields
    LeverField field;
    const char* label;
};

constexpr Named scenario_levers[] = {
    {"customers.starting", LeverField::starting, "the starting customers"},
    {"customers.new_per_month", LeverField::new_per_month, "the new customers per month"},
    {"customers.monthly_churn", LeverField::monthly_churn, "the monthly churn"},
    {"revenue.monthly_expansion", LeverField::monthly_expansion, "the monthly expansion"},
    {"revenue.monthly_contraction", LeverField::monthly_contraction, "the monthly contraction"},
    {"costs.sales_marketing_per_month", LeverField::sales_marketing_per_month,
     "the sales & marketing spend"},
    {"costs.gross_margin", LeverField::gross_margin, "the gross margin"},
    {"costs.fixed_per_month", LeverField::fixed_per_month, "the fixed costs"},
    {"price_factor", LeverField::price_factor, "the price factor"},
};
constexpr Named plan_levers[] = {
    {"price", LeverField::price, "price"},
    {"unit_price", LeverField::unit_price, "unit price"},
    {"units", LeverField::units, "units"},
    {"share", LeverField::share, "share"},
};
constexpr Named tier_levers[] = {
    {"unit_price", LeverField::tier_unit_price, "unit price"},
    {"flat", LeverField::tier_flat, "flat fee"},
};

// Reads "name[i]." at the front of `path`, with i below `limit`; advances past it.
std::optional<int> index_prefix(std::string_view& path, std::string_view name, std::size_t limit) {
    if (!path.starts_with(name) || path.size() <= name.size() || path[name.size()] != '[')
        return std::nullopt;
    const char* first = path.data() + name.size() + 1;
    const char* last = path.data() + path.size();
    int i = -1;
    const auto [end, error] = std::from_chars(first, last, i);
    if (error != std::errc() || end == first || end + 1 >= last || end[0] != ']' || end[1] != '.' ||
        i < 0 || static_cast<std::size_t>(i) >= limit || (*first == '0' && end - first > 1))
        return std::nullopt;
    path.remove_prefix(static_cast<std::size_t>(end + 2 - path.data()));
    return i;
}

template <std::size_t N>
const Named* named(const Named (&table)[N], std::string_view path) {
    for (const Named& n : table)
        if (n.path == path) return &n;
    return nullptr;
}

template <std::size_t N>
const Named& named(const Named (&table)[N], LeverField field) {
    for (const Named& n : table)
        if (n.field == field) return n;
    return table[0]; // every field is in its table
}

bool per_tier(LeverField f) { return f == LeverField::tier_unit_price || f == LeverField::tier_flat; }
bool per_plan(LeverField f) { return f <= LeverField::tier_flat; }

// The input a (non price_factor) lever names, in a Scenario or a const one.
template <class S>
auto& field_of(S& s, const Lever& l) {
    switch (l.field) {
    case LeverField::price: return s.plans[l.plan].price;
    case LeverField::unit_price: return s.plans[l.plan].unit_price;
    case LeverField::units: return s.plans[l.plan].units;
    case LeverField::share: return s.plans[l.plan].share;
    case LeverField::tier_unit_price: return s.plans[l.plan].tiers[l.tier].unit_price;
    case LeverField::tier_flat: return s.plans[l.plan].tiers[l.tier].flat;
    case LeverField::starting: return s.customers.starting;
    case LeverField::new_per_month: return s.customers.new_per_month;
    case LeverField::monthly_churn: return s.customers.monthly_churn;
    case LeverField::monthly_expansion: return s.revenue.monthly_expansion;
    case LeverField::monthly_contraction: return s.revenue.monthly_contraction;
    case LeverField::sales_marketing_per_month: return s.costs.sales_marketing_per_month;
    case LeverField::gross_margin: return s.costs.gross_margin;
    case LeverField::fixed_per_month:
    case LeverField::price_factor: break; // price_factor has no field; callers never ask
    }
    return s.costs.fixed_per_month;
}

// The path as the user gave it, for a message.
std::string given(std::string_view path) { return shown(nlohmann::json(path)); }

} // namespace

std::variant<Lever, Message> parse_lever(std::string_view path) {
    if (const Named* n = named(scenario_levers, path)) return Lever{n->field};
    std::string_view rest = path;
    if (const std::optional<int> plan = index_prefix(rest, "plans", max_plans)) {
        if (const Named* n = named(plan_levers, rest)) return Lever{n->field, *plan};
        if (const std::optional<int> tier = index_prefix(rest, "tiers", max_tiers))
            if (const Named* n = named(tier_levers, rest)) return Lever{n->field, *plan, *tier};
    }
    return msg::unknown_lever(given(path));
}

std::variant<Lever, Message> lever_of(const Scenario& s, std::string_view path) {
    std::variant<Lever, Message> parsed = parse_lever(path);
    const Lever* l = std::get_if<Lever>(&parsed);
    if (!l || !per_plan(l->field)) return parsed;
    if (static_cast<std::size_t>(l->plan) >= s.plans.size())
        return msg::no_such_plan(l->plan, s.plans.size() - 1, given(path));
    const Plan& p = s.plans[l->plan];
    if (l->field == LeverField::unit_price && !p.tiers.empty()) return msg::lever_unit_price_with_tiers(given(path));
    if (per_tier(l->field) && static_cast<std::size_t>(l->tier) >= p.tiers.size())
        return p.tiers.empty() ? msg::lever_without_tiers(given(path))
                               : msg::no_such_tier(l->tier, p.tiers.size() - 1, given(path));
    return parsed;
}

// Written into one string: the lab writes a path per sensitivity row and per note, and
// each + made a string of its own (wasm's strings keep only 10 characters inline).
std::string lever_path(const Lever& l) {
    if (!per_plan(l.field)) return std::string(named(scenario_levers, l.field).path);
    std::string path;
    path.reserve(40); // the longest, "plans[49].tiers[49].unit_price", fits
    const auto index = [&](std::string_view name, int i) {
        char digits[12];
        path.append(name).append("[").append(digits, std::to_chars(digits, digits + sizeof digits, i).ptr).append("].");
    };
    index("plans", l.plan);
    if (per_tier(l.field)) index("tiers", l.tier);
    return path.append(per_tier(l.field) ? named(tier_levers, l.field).path : named(plan_levers, l.field).path);
}

std::string lever_label(const Lever& l) {
    const std::string plan = "plan " + std::to_string(l.plan + 1) + "'s ";
    if (per_tier(l.field))
        return plan + "tier " + std::to_string(l.tier + 1) + " " + named(tier_levers, l.field).label;
    if (per_plan(l.field)) return plan + named(plan_levers, l.field).label;
    return named(scenario_levers, l.field).label;
}

LeverRange lever_range(const Lever& l) {
    switch (l.field) {
    case LeverField::monthly_churn:
    case LeverField::monthly_contraction:
    case LeverField::gross_margin: return {0, 1};
    case LeverField::monthly_expansion: return {0, max_expansion};
    case LeverField::price_factor: return {0, max_price_factor};
    default: return {0, max_amount};
    }
}

double lever_value(const Scenario& s, const Lever& l) {
    if (l.field == LeverField::price_factor) return 1;
    return field_of(s, l);
}

void set_lever(Scenario& work, const Scenario& base, const Lever& l, double x) {
    if (l.field != LeverField::price_factor) {
        field_of(work, l) = x;
        return;
    }
    for (std::size_t p = 0; p < base.plans.size(); ++p) {
        const Plan& from = base.plans[p];
        Plan& to = work.plans[p];
        to.price = from.price * x;
        to.unit_price = from.unit_price * x;
        for (std::size_t t = 0; t < from.tiers.size(); ++t) {
            to.tiers[t].unit_price = from.tiers[t].unit_price * x;
            to.tiers[t].flat = from.tiers[t].flat * x;
        }
    }
}

std::vector<Lever> all_levers(const Scenario& s) {
    std::vector<Lever> levers;
    for (int p = 0; p < static_cast<int>(s.plans.size()); ++p) {
        const bool tiered = !s.plans[p].tiers.empty();
        levers.push_back({LeverField::price, p});
        if (!tiered) levers.push_back({LeverField::unit_price, p});
        levers.push_back({LeverField::units, p});
        levers.push_back({LeverField::share, p});
        for (int t = 0; t < static_cast<int>(s.plans[p].tiers.size()); ++t) {
            levers.push_back({LeverField::tier_unit_price, p, t});
            levers.push_back({LeverField::tier_flat, p, t});
        }
    }
    for (const Named& n : scenario_levers) levers.push_back({n.field});
    return levers;
}

} // namespace saas
