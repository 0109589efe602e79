// libFuzzer harness over the scenario parser and the whole computation (scripts/fuzz).
// Any input must give a result, never a crash, and a valid scenario must compute to
// finite numbers everywhere.
#include "calc.hpp"
#include "report_finite.hpp"
#include "scenario_json.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const saas::ScenarioOrErrors parsed = saas::parse_scenario(text);
    const saas::CalcResult result = saas::calc(text);
    // calc must agree with the parser on validity and always say something.
    if (result.ok != std::holds_alternative<saas::Scenario>(parsed) || result.json.empty()) std::abort();
    if (const auto* s = std::get_if<saas::Scenario>(&parsed))
        if (!saas_test::first_non_finite(saas::compute(*s)).empty()) std::abort();
    return 0;
}
