#include "import_json.hpp"

#include "json_writer.hpp"
#include "messages.hpp"
#include "report_json.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace saas {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json number(double x) { return std::isfinite(x) ? json(x == 0 ? 0.0 : x) : json(nullptr); }
json number(const std::optional<double>& x) { return x ? number(*x) : json(nullptr); }

// "Not text" (README): a NUL byte, or bytes that are not UTF-8, in the header.
bool is_text(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) return false;
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

void read_header(ImportState& state, const CsvRow& row) {
    if (row.error != CsvError::none) {
        state.fatal = msg::header_unreadable(msg::csv_error(row.error));
        return;
    }
    for (std::string_view name : row.fields)
        if (!is_text(name)) {
            state.fatal = msg::not_text_file();
            return;
        }
    state.columns = detect_layout(row.fields);
    if (!state.columns) state.fatal = msg::unknown_header();
}

void take_row(ImportState& state, const CsvRow& row) {
    if (state.fatal) return;
    if (!state.columns) return read_header(state, row);
    add_row(state.ledger, *state.columns, row.fields, row.line, row.error);
}

json month_json(const MonthFigures& m) {
    return {{"month", month_text(m.month)},
            {"mrr", number(m.mrr)},
            {"customers", m.customers},
            {"new_mrr", number(m.new_mrr)},
            {"expansion_mrr", number(m.expansion_mrr)},
            {"contraction_mrr", number(m.contraction_mrr)},
            {"churned_mrr", number(m.churned_mrr)},
            {"reactivation_mrr", number(m.reactivation_mrr)},
            {"net_new_mrr", number(m.net_new_mrr)},
            {"new_customers", m.new_customers},
            {"reactivated_customers", m.reactivated_customers},
            {"churned_customers", m.churned_customers},
            {"customer_churn_rate", number(m.customer_churn_rate)},
            {"gross_mrr_churn_rate", number(m.gross_mrr_churn_rate)},
            {"net_mrr_churn_rate", number(m.net_mrr_churn_rate)},
            {"quick_ratio", number(m.quick_ratio)},
            {"arpa", number(m.arpa)}};
}

json numbers(const std::vector<double>& xs) {
    json list = json::array();
    for (double x : xs) list.push_back(number(x));
    return list;
}

json cohort_json(const Cohort& c) {
    return {{"cohort", month_text(c.month)},
            {"customers", c.customers},
            {"mrr", number(c.mrr)},
            {"customer_retention", numbers(c.customer_retention)},
            {"revenue_retention", numbers(c.revenue_retention)}};
}

// A section 1 scenario holding only what the data tells; costs keep their defaults.
json suggested_json(const Suggested& s) {
    const Scenario& sc = s.scenario;
    json plans = json::array();
    for (const Plan& p : sc.plans) plans.push_back({{"name", p.name}, {"price", number(p.price)}});
    return {{"months", s.months},
            {"scenario",
             {{"schema", 1},
              {"currency", sc.currency},
              {"plans", plans},
              {"customers",
               {{"starting", number(sc.customers.starting)},
                {"new_per_month", number(sc.customers.new_per_month)},
                {"monthly_churn", number(sc.customers.monthly_churn)}}},
              {"revenue",
               {{"monthly_expansion", number(sc.revenue.monthly_expansion)},
                {"monthly_contraction", number(sc.revenue.monthly_contraction)}}}}}};
}

// A problem of the file as a whole is on line 1, the header's, before the rows' errors.
ImportResult file_error(const Message& message, const std::vector<RowError>& rows = {}) {
    JsonWriter w;
    w.open('{');
    w.open("errors", '[');
    write_error(w, 1, message);
    for (const RowError& e : rows) write_error(w, e.line, e.message);
    w.close(']');
    w.close('}');
    return {std::move(w.text), 2};
}

} // namespace

ImportState import_begin(const ImportOptions& options) {
    ImportState state;
    if (CurrencyCode code; parse_currency(options.currency, code))
        state.ledger.default_currency = code;
    else
        state.option_errors.push_back({"currency", msg::currency_option()});
    state.ledger.as_of = options.as_of;
    return state;
}

ImportState import_begin(std::string_view currency, std::string_view as_of) {
    ImportOptions options{std::string(currency), std::nullopt};
    std::optional<FieldError> as_of_error;
    if (!as_of.empty()) {
        options.as_of = as_of.size() == 10 ? parse_date(as_of) : std::nullopt;
        if (!options.as_of)
            as_of_error = FieldError{"as_of", msg::as_of_option()};
    }
    ImportState state = import_begin(options);
    if (as_of_error) state.option_errors.push_back(*as_of_error);
    return state;
}

void import_feed(ImportState& state, std::string_view chunk) {
    if (!state.option_errors.empty() || state.fatal) return;
    feed(state.reader, chunk, [&](const CsvRow& row) { take_row(state, row); });
}

std::size_t import_rows(const ImportState& state) { return static_cast<std::size_t>(state.ledger.rows.total); }

ImportResult import_finish(ImportState& state) {
    if (!state.option_errors.empty()) return {errors_json_text(state.option_errors), 2};
    if (!state.fatal) finish(state.reader, [&](const CsvRow& row) { take_row(state, row); });
    if (state.fatal) return file_error(*state.fatal);
    if (!state.columns) return file_error(msg::empty_file());
    const Ledger& l = state.ledger;
    if (l.rows.total == 0) return file_error(msg::no_rows());
    if (l.rows.used == 0) return file_error(msg::no_usable_row(l.rows.total, l.rows.bad, l.rows.not_paying), l.errors);
    const Layout layout = state.columns->layout;
    json currencies = json::array();
    for (const CurrencyAnalysis& a : analyse(state.ledger)) {
        json months = json::array(), cohorts = json::array();
        for (const MonthFigures& m : a.months) months.push_back(month_json(m));
        for (const Cohort& c : a.cohorts) cohorts.push_back(cohort_json(c));
        json suggestions = json::array();
        for (const Suggested& s : a.suggestions) suggestions.push_back(suggested_json(s));
        currencies.push_back({{"currency", a.currency},
                              {"months", months},
                              {"cohorts", cohorts},
                              {"suggested", suggested_json(a.suggested)},
                              {"suggestions", suggestions}});
    }
    // The errors are written as every output writes a message; the figures are built as JSON.
    JsonWriter w;
    w.open('{');
    w.field("schema", 1);
    w.field("layout", std::string(layout == Layout::stripe ? "stripe" : "segments"));
    w.embed("rows", dump({{"total", l.rows.total}, {"used", l.rows.used}, {"not_paying", l.rows.not_paying}, {"bad", l.rows.bad}}));
    w.open("errors", '[');
    for (const RowError& e : l.errors) write_error(w, e.line, e.message);
    w.close(']');
    w.embed("currencies", dump(currencies));
    w.close('}');
    return {std::move(w.text), 0};
}

} // namespace saas
