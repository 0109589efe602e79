// Report and errors -> output JSON (contract section 6), with the contract's key names
// and order. Numbers are printed in their shortest round-trip form.
#pragma once

#include "field_error.hpp"
#include "report.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace saas {

// The output JSON as text: the report is the largest output, so it is written
// directly rather than built as an ordered_json first.
std::string report_to_json_text(const Report& r, const std::string& currency);

class JsonWriter;

// One month of the projection with the section 4 fields, as the report writes it.
void write_month(JsonWriter& w, const MonthRow& row);

// The notes as "notes": ["<English>", ...] and, in the same order, "note_codes":
// [{"code", "params"}, ...], so a page can say them in its visitor's language.
void write_notes(JsonWriter& w, const std::vector<Message>& notes);

// [{"field", "message", "code", "params"}, ...]
void write_errors(JsonWriter& w, const FieldErrors& errors);

// {"errors": [...]} as text.
std::string errors_json_text(const FieldErrors& errors);

// {"ltv_to_cac": {"higher_is_better": true, "great": 5, "good": 3, "watch": 1}, ...},
// so every surface shows the thresholds the grades came from.
nlohmann::json thresholds_to_json();

} // namespace saas
