#include "examples.hpp"
#include "pricing.hpp"

#include <doctest/doctest.h>

using namespace saas;

namespace {

Plan tiered_plan(TierMode mode, std::vector<Tier> tiers, double units) {
    Plan p;
    p.tier_mode = mode;
    p.tiers = std::move(tiers);
    p.units = units;
    return p;
}

const std::vector<Tier> ten_at_12_then_9 = {{10, 12, 0}, {std::nullopt, 9, 0}};

} // namespace

TEST_CASE("a flat monthly price is the customer's monthly revenue") {
    Plan p;
    p.price = 29;
    CHECK(plan_amount(p) == 29);
    CHECK(plan_monthly_revenue(p) == 29);
}

TEST_CASE("annual plans count 1/12 of their amount per month") {
    Plan p;
    p.billing = Billing::annual;
    p.price = 1200;
    CHECK(plan_amount(p) == 1200);
    CHECK(plan_monthly_revenue(p) == 100);
}

TEST_CASE("per-unit price times units, on top of a base price") {
    Plan p;
    p.unit_price = 96;
    p.units = 8;
    CHECK(plan_amount(p) == 768);
    p.price = 10;
    CHECK(plan_amount(p) == 778);
}

TEST_CASE("graduated tiers price each unit in its own tier") {
    CHECK(unit_charge(tiered_plan(TierMode::graduated, ten_at_12_then_9, 15), 15) == 10 * 12 + 5 * 9);
    SUBCASE("units equal to up_to stay in that tier") {
        CHECK(plan_amount(tiered_plan(TierMode::graduated, ten_at_12_then_9, 10)) == 120);
    }
    SUBCASE("one unit above up_to starts the next tier") {
        CHECK(plan_amount(tiered_plan(TierMode::graduated, ten_at_12_then_9, 11)) == 129);
    }
    SUBCASE("no units, no charge") {
        CHECK(plan_amount(tiered_plan(TierMode::graduated, ten_at_12_then_9, 0)) == 0);
    }
}

TEST_CASE("a graduated tier's flat fee counts once, when any unit falls in it") {
    const std::vector<Tier> tiers = {{5, 0, 50}, {std::nullopt, 8, 20}};
    CHECK(plan_amount(tiered_plan(TierMode::graduated, tiers, 3)) == 50);
    CHECK(plan_amount(tiered_plan(TierMode::graduated, tiers, 5)) == 50);
    CHECK(plan_amount(tiered_plan(TierMode::graduated, tiers, 6)) == 50 + 8 + 20);
    CHECK(plan_amount(tiered_plan(TierMode::graduated, tiers, 7.5)) == 50 + 2.5 * 8 + 20);
}

TEST_CASE("volume tiers price all units at the tier the total falls in") {
    CHECK(plan_amount(tiered_plan(TierMode::volume, ten_at_12_then_9, 10)) == 120);
    CHECK(plan_amount(tiered_plan(TierMode::volume, ten_at_12_then_9, 11)) == 99);
    CHECK(plan_amount(tiered_plan(TierMode::volume, ten_at_12_then_9, 15)) == 135);
    SUBCASE("with the tier's flat fee") {
        const std::vector<Tier> tiers = {{10, 12, 5}, {50, 10, 15}, {std::nullopt, 9, 30}};
        CHECK(plan_amount(tiered_plan(TierMode::volume, tiers, 50)) == 50 * 10 + 15);
        CHECK(plan_amount(tiered_plan(TierMode::volume, tiers, 51)) == 51 * 9 + 30);
    }
    SUBCASE("zero units fall in the first tier") {
        const std::vector<Tier> tiers = {{10, 12, 5}, {std::nullopt, 9, 0}};
        CHECK(plan_amount(tiered_plan(TierMode::volume, tiers, 0)) == 5);
    }
}

TEST_CASE("tiers replace unit_price and add to the flat price") {
    Plan p = tiered_plan(TierMode::graduated, ten_at_12_then_9, 12);
    p.price = 100;
    p.billing = Billing::annual;
    CHECK(plan_amount(p) == 100 + 120 + 18);
    CHECK(plan_monthly_revenue(p) == doctest::Approx(238.0 / 12));
}

TEST_CASE("ARPA weighs each plan's monthly revenue by its normalised share") {
    // 0.7 x 29 + 0.3 x (96 x 8 / 12) = 20.3 + 19.2
    CHECK(arpa(examples::base_case().plans) == doctest::Approx(39.5));
    SUBCASE("shares are weights: 7 and 3 mean the same as 0.7 and 0.3") {
        auto plans = examples::base_case().plans;
        plans[0].share = 7;
        plans[1].share = 3;
        CHECK(arpa(plans) == doctest::Approx(39.5));
        CHECK(plan_weights(plans) == std::vector<double>{0.7, 0.3});
    }
    SUBCASE("a plan with share 0 does not count") {
        auto plans = examples::base_case().plans;
        plans[1].share = 0;
        CHECK(arpa(plans) == 29);
    }
    SUBCASE("one plan is its own ARPA whatever its share") {
        auto plans = examples::one_plan(49, 1).plans;
        plans[0].share = 0.2;
        CHECK(arpa(plans) == 49);
    }
}
