#include "health.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace saas;

namespace {

std::string grade_of(const char* key, double value) {
    for (const Thresholds& t : health_thresholds)
        if (std::string(t.metric.key) == key) return grade_name(grade(value, t));
    return "no such metric";
}

} // namespace

TEST_CASE("LTV/CAC: < 1 bad, 1-3 watch, 3-5 good, > 5 great; boundaries take the better grade") {
    CHECK(grade_of("ltv_to_cac", 0.99) == "bad");
    CHECK(grade_of("ltv_to_cac", 1) == "watch");
    CHECK(grade_of("ltv_to_cac", 2.99) == "watch");
    CHECK(grade_of("ltv_to_cac", 3) == "good");
    CHECK(grade_of("ltv_to_cac", 5) == "great");
    CHECK(grade_of("ltv_to_cac", 12) == "great");
}

TEST_CASE("CAC payback: <= 12 great, 12-18 good, 18-24 watch, > 24 bad") {
    CHECK(grade_of("cac_payback_months", 0) == "great");
    CHECK(grade_of("cac_payback_months", 12) == "great");
    CHECK(grade_of("cac_payback_months", 12.01) == "good");
    CHECK(grade_of("cac_payback_months", 18) == "good");
    CHECK(grade_of("cac_payback_months", 24) == "watch");
    CHECK(grade_of("cac_payback_months", 24.01) == "bad");
}

TEST_CASE("NRR: >= 120 % great, 100-120 % good, 90-100 % watch, < 90 % bad") {
    CHECK(grade_of("nrr_annual", 1.2) == "great");
    CHECK(grade_of("nrr_annual", 1.19) == "good");
    CHECK(grade_of("nrr_annual", 1.0) == "good");
    CHECK(grade_of("nrr_annual", 0.9) == "watch");
    CHECK(grade_of("nrr_annual", 0.89) == "bad");
}

TEST_CASE("annual customer churn: <= 5 % great, 5-10 % good, 10-20 % watch, > 20 % bad") {
    CHECK(grade_of("customer_churn_annual", 0) == "great");
    CHECK(grade_of("customer_churn_annual", 0.05) == "great");
    CHECK(grade_of("customer_churn_annual", 0.1) == "good");
    CHECK(grade_of("customer_churn_annual", 0.2) == "watch");
    CHECK(grade_of("customer_churn_annual", 0.215) == "bad");
}

TEST_CASE("quick ratio: >= 4 great, 2-4 good, 1-2 watch, < 1 bad") {
    CHECK(grade_of("quick_ratio", 4) == "great");
    CHECK(grade_of("quick_ratio", 2) == "good");
    CHECK(grade_of("quick_ratio", 1) == "watch");
    CHECK(grade_of("quick_ratio", 0.5) == "bad");
}

TEST_CASE("burn multiple: <= 1 great (0 when profitable), 1-2 good, 2-3 watch, > 3 bad") {
    CHECK(grade_of("burn_multiple", 0) == "great");
    CHECK(grade_of("burn_multiple", 1) == "great");
    CHECK(grade_of("burn_multiple", 2) == "good");
    CHECK(grade_of("burn_multiple", 3) == "watch");
    CHECK(grade_of("burn_multiple", 3.03) == "bad");
}

TEST_CASE("rule of 40: >= 40 % great, 20-40 % good, 0-20 % watch, < 0 bad") {
    CHECK(grade_of("rule_of_40", 0.4) == "great");
    CHECK(grade_of("rule_of_40", 0.2) == "good");
    CHECK(grade_of("rule_of_40", 0) == "watch");
    CHECK(grade_of("rule_of_40", -0.01) == "bad");
}

TEST_CASE("an undefined metric has no grade; every graded metric is listed in order") {
    Metrics m;
    m.ltv_to_cac = 4;
    const std::vector<GradedMetric> graded = grade_all(m);
    REQUIRE(graded.size() == 7);
    CHECK(std::string(graded[0].key) == "ltv_to_cac");
    CHECK(graded[0].grade == Grade::good);
    CHECK(std::string(graded[1].key) == "cac_payback_months");
    CHECK_FALSE(graded[1].grade);
    CHECK(std::string(graded[6].key) == "rule_of_40");
}
