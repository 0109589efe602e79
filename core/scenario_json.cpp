#include "scenario_json.hpp"

#include "json_fields.hpp"

#include <cmath>
#include <initializer_list>
#include <utility>

namespace saas {
namespace {

using json = nlohmann::json;

std::size_t code_points(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char byte : utf8)
        if ((byte & 0xC0) != 0x80) ++n;
    return n;
}

struct NumberRule {
    double min;
    double max;
    bool whole = false;
};

constexpr NumberRule amount{0, max_amount};
constexpr NumberRule fraction{0, 1};
constexpr NumberRule horizon{1, 120, true};
constexpr NumberRule lifetime{1, 600, true};
static_assert(max_expansion == 1, "expansion shares the fraction rule");

// Walks one JSON document, filling values and collecting every error on the way.
class Reader : public FieldReader {
  public:
    void number(const json& parent, std::string_view key, const std::string& path,
                const NumberRule& rule, double& out, bool required = false) {
        const json* value = find(parent, key);
        if (!value) {
            if (required) error(join(path, key), required_message(rule));
            return;
        }
        const double x = value->is_number() ? value->get<double>() : NAN;
        if (!(x >= rule.min && x <= rule.max) || (rule.whole && std::floor(x) != x)) {
            error(join(path, key), rule.whole ? msg::whole_range(rule.min, rule.max, shown(*value))
                                              : msg::range(rule.min, rule.max, shown(*value)));
            return;
        }
        out = x;
    }

    void whole_number(const json& parent, std::string_view key, const std::string& path,
                      const NumberRule& rule, int& out) {
        double x = out;
        number(parent, key, path, rule, x);
        out = static_cast<int>(x);
    }

    void text(const json& parent, std::string_view key, const std::string& path,
              std::size_t max_chars, std::string& out) {
        const json* value = find(parent, key);
        if (!value) return;
        if (!value->is_string()) {
            error(join(path, key), msg::not_text(max_chars, shown(*value)));
            return;
        }
        const auto& s = value->get_ref<const std::string&>();
        if (code_points(s) > max_chars) {
            error(join(path, key), msg::text_too_long(max_chars, code_points(s)));
            return;
        }
        out = s;
    }

    template <class Enum>
    void choice(const json& parent, std::string_view key, const std::string& path,
                std::initializer_list<std::pair<std::string_view, Enum>> options, Enum& out) {
        const json* value = find(parent, key);
        if (!value) return;
        if (value->is_string())
            for (const auto& [name, e] : options)
                if (name == value->get_ref<const std::string&>()) {
                    out = e;
                    return;
                }
        std::vector<std::string> allowed;
        for (const auto& [name, e] : options) allowed.emplace_back(name);
        error(join(path, key), msg::one_of(std::move(allowed), shown(*value)));
    }


    static Message required_message(const NumberRule& rule) {
        return rule.whole ? msg::required_whole_range(rule.min, rule.max) : msg::required_range(rule.min, rule.max);
    }
};

void read_tiers(Reader& r, const json& tiers, const std::string& path, std::vector<Tier>& out) {
    if (!tiers.is_array() || tiers.empty() || tiers.size() > max_tiers) {
        r.error(path, msg::tiers_list(max_tiers, shown(tiers)));
        return;
    }
    double previous = 0;
    // Where `previous` came from, for messages: the tier just before may lack up_to.
    const json* previous_up_to = nullptr;
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const std::string tier_path = at_index(path, i);
        const bool last = i + 1 == tiers.size();
        if (!r.object(tiers[i], tier_path, {"up_to", "unit_price", "flat"})) continue;
        Tier tier;
        r.number(tiers[i], "unit_price", tier_path, amount, tier.unit_price);
        r.number(tiers[i], "flat", tier_path, amount, tier.flat);
        const json* up_to = find(tiers[i], "up_to");
        const std::string up_to_path = join(tier_path, "up_to");
        if (!up_to) {
            r.error(up_to_path, last ? msg::required_last_up_to() : msg::required_up_to());
        } else if (up_to->is_null()) {
            if (!last) r.error(up_to_path, msg::open_tier_not_last());
        } else if (last) {
            r.error(up_to_path, msg::last_tier_bounded());
        } else {
            double x = -1;
            r.number(tiers[i], "up_to", tier_path, amount, x);
            if (x >= 0 && x <= previous)
                r.error(up_to_path, previous_up_to ? msg::up_to_not_increasing(shown(*previous_up_to), shown(*up_to))
                                                   : msg::up_to_not_above_zero(shown(*up_to)));
            if (x > previous) {
                tier.up_to = x;
                previous = x;
                previous_up_to = up_to;
            }
        }
        out.push_back(tier);
    }
}

Plan read_plan(Reader& r, const json& value, const std::string& path, std::size_t index) {
    Plan plan;
    plan.name = "Plan " + std::to_string(index + 1);
    if (!r.object(value, path,
                  {"name", "billing", "price", "unit_price", "units", "tiers", "tier_mode", "share"}))
        return plan;
    r.text(value, "name", path, 100, plan.name);
    r.choice(value, "billing", path, {{"monthly", Billing::monthly}, {"annual", Billing::annual}},
             plan.billing);
    r.number(value, "price", path, amount, plan.price);
    r.number(value, "unit_price", path, amount, plan.unit_price);
    r.number(value, "units", path, amount, plan.units);
    r.number(value, "share", path, amount, plan.share);
    r.choice(value, "tier_mode", path,
             {{"graduated", TierMode::graduated}, {"volume", TierMode::volume}}, plan.tier_mode);
    if (const json* tiers = find(value, "tiers")) {
        read_tiers(r, *tiers, join(path, "tiers"), plan.tiers);
        if (find(value, "unit_price"))
            r.error(join(path, "unit_price"), msg::unit_price_with_tiers());
    }
    return plan;
}

void read_plans(Reader& r, const json& document, std::vector<Plan>& out) {
    const json* plans = find(document, "plans");
    if (!plans) {
        r.error("plans", msg::required_plans(max_plans));
        return;
    }
    if (!plans->is_array() || plans->empty() || plans->size() > max_plans) {
        r.error("plans", plans->is_array() ? msg::plans_count(max_plans, plans->size())
                                           : msg::plans_list(max_plans, shown(*plans)));
        return;
    }
    double total_share = 0;
    for (std::size_t i = 0; i < plans->size(); ++i) {
        out.push_back(read_plan(r, (*plans)[i], at_index("plans", i), i));
        total_share += out.back().share;
    }
    if (total_share == 0)
        r.error("plans", msg::shares_all_zero());
}

// Reads an optional section object; `read` fills its fields when it is an object.
template <class Read>
void section(Reader& r, const json& document, std::string_view key,
             std::initializer_list<std::string_view> keys, Read read) {
    const json* value = find(document, key);
    if (value && r.object(*value, std::string(key), keys)) read(*value, std::string(key));
}

} // namespace

ScenarioOrErrors scenario_from_json(const json& document) {
    Reader r;
    Scenario s;
    if (!r.object(document, "",
                  {"schema", "name", "currency", "plans", "customers", "revenue", "costs", "options"})) {
        r.errors.front().message = msg::scenario_not_object(shown(document));
        return r.errors;
    }
    if (const json* schema = find(document, "schema"); schema && *schema != 1)
        r.error("schema", msg::unsupported_schema(shown(*schema)));
    r.text(document, "name", "", 200, s.name);
    if (const json* currency = find(document, "currency")) {
        const bool ok = currency->is_string() && currency->get_ref<const std::string&>().size() == 3 &&
                        [&] {
                            for (char c : currency->get_ref<const std::string&>())
                                if (c < 'A' || c > 'Z') return false;
                            return true;
                        }();
        if (ok)
            s.currency = currency->get<std::string>();
        else
            r.error("currency", msg::currency_code(shown(*currency)));
    }
    read_plans(r, document, s.plans);

    const json* customers = find(document, "customers");
    if (!customers) r.error("customers.starting", Reader::required_message(amount));
    section(r, document, "customers", {"starting", "new_per_month", "monthly_churn"},
            [&](const json& v, const std::string& path) {
                r.number(v, "starting", path, amount, s.customers.starting, true);
                r.number(v, "new_per_month", path, amount, s.customers.new_per_month);
                r.number(v, "monthly_churn", path, fraction, s.customers.monthly_churn);
            });
    section(r, document, "revenue", {"monthly_expansion", "monthly_contraction"},
            [&](const json& v, const std::string& path) {
                r.number(v, "monthly_expansion", path, fraction, s.revenue.monthly_expansion);
                r.number(v, "monthly_contraction", path, fraction, s.revenue.monthly_contraction);
            });
    section(r, document, "costs", {"sales_marketing_per_month", "gross_margin", "fixed_per_month"},
            [&](const json& v, const std::string& path) {
                r.number(v, "sales_marketing_per_month", path, amount,
                         s.costs.sales_marketing_per_month);
                r.number(v, "gross_margin", path, fraction, s.costs.gross_margin);
                r.number(v, "fixed_per_month", path, amount, s.costs.fixed_per_month);
            });
    section(r, document, "options", {"horizon_months", "lifetime_cap_months"},
            [&](const json& v, const std::string& path) {
                r.whole_number(v, "horizon_months", path, horizon, s.options.horizon_months);
                r.whole_number(v, "lifetime_cap_months", path, lifetime,
                               s.options.lifetime_cap_months);
            });
    if (!r.errors.empty()) return r.errors;
    return s;
}

namespace {

// nlohmann's DOM builder, keeping the parser's message and where it stopped instead of
// throwing them.
struct MessageKeepingParser : nlohmann::detail::json_sax_dom_parser<json> {
    using json_sax_dom_parser::json_sax_dom_parser;
    std::string message;
    std::size_t byte = 0;

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        message = e.what();
        if (auto end = message.find("] "); end != std::string::npos) message.erase(0, end + 2);
        byte = position;
        return false;
    }
};

} // namespace

ScenarioOrErrors parse_scenario(std::string_view json_text) {
    if (json_text.size() > max_text_bytes)
        return FieldErrors{{"", msg::scenario_too_large(max_text_bytes)}};
    json document;
    MessageKeepingParser parser(document, false);
    if (!json::sax_parse(json_text, &parser) || !parser.message.empty())
        return FieldErrors{{"", msg::invalid_json(parser.message, parser.byte)}};
    return scenario_from_json(document);
}

} // namespace saas
