// The pricing lab's requests and results as JSON text (contract section 9): text in,
// text out, the entry points the CLI and the wasm module share (as calc.hpp), so both
// print byte-identical JSON. Requests are untrusted: every error is named by its JSON path
// (`vary`, `target.metric`, `x.steps`; the embedded scenario's as `scenario.plans[0].price`).
#pragma once

#include <string>
#include <string_view>

namespace saas {

struct LabResult {
    std::string json; // the tool's result, or {"errors": [...]}
    bool ok;          // false when `json` holds errors
};

// Goal seek: {"scenario", "vary", "target": {"metric", "value"}} -> {"value", "achieved", "note"}
LabResult solve_json(std::string_view request);

// {"scenario", "metric", "levers"?, "swing"?} -> {"metric", "rows", "notes"}
LabResult sensitivity_json(std::string_view request);

// {"scenario", "metric", "x": {"lever", "from", "to", "steps"}, "y": {...}}
//   -> {"metric", "x", "y", "values", "notes"}
LabResult grid_json(std::string_view request);

// {"scenario", "change": {...}} -> {"baseline", "changed", "mrr_delta", ...,  "notes"}
LabResult price_change_json(std::string_view request);

// A scenario -> [{"lever", "value", "min", "max"}, ...]: every lever, for the page's pickers.
LabResult levers_json(std::string_view scenario);

} // namespace saas
