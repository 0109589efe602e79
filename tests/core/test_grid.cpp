// Grid (contract section 9): a metric over two levers, both ends included.
#include "examples.hpp"
#include "grid.hpp"
#include "lab_helpers.hpp"

#include <doctest/doctest.h>

using namespace saas;
using saas_test::lever;
using saas_test::metric;

TEST_CASE("axis values are evenly spaced, both ends included, the last exactly `to`") {
    CHECK(axis_values({lever("customers.starting"), 0, 400, 5}) == std::vector<double>{0, 100, 200, 300, 400});
    const std::vector<double> churn = axis_values({lever("customers.monthly_churn"), 0.01, 0.1, 101});
    CHECK(churn.size() == 101);
    CHECK(churn.front() == 0.01);
    CHECK(churn.back() == 0.1);
    CHECK(axis_values({lever("price_factor"), 2, 1, 2}) == std::vector<double>{2, 1});
}

TEST_CASE("MRR over customers x price factor: starting x 39.5 x factor") {
    const Grid g = grid(examples::base_case(), metric("mrr"), {lever("customers.starting"), 0, 400, 5},
                        {lever("price_factor"), 0.5, 1.5, 3});
    REQUIRE(g.values.size() == 3);   // one row per y
    REQUIRE(g.values[0].size() == 5); // one value per x
    CHECK(g.values[1][2] == 7900);    // today's customers and prices
    CHECK(*g.values[0][4] == doctest::Approx(400 * 39.5 * 0.5));
    CHECK(*g.values[2][1] == doctest::Approx(100 * 39.5 * 1.5));
    CHECK(g.values[0][0] == 0);
}

TEST_CASE("null where the metric is undefined") {
    const Grid g = grid(examples::base_case(), metric("cac"), {lever("customers.new_per_month"), 0, 50, 3},
                        {lever("costs.sales_marketing_per_month"), 0, 10000, 2});
    CHECK_FALSE(g.values[0][0]);
    CHECK_FALSE(g.values[1][0]);
    CHECK(g.values[1][1] == 400);
    CHECK(g.values[0][2] == 0);
}

TEST_CASE("a grid row equals calc at those inputs") {
    const saas_test::json scenario = saas_test::base_case_json();
    const Axis x{lever("customers.monthly_churn"), 0, 0.2, 7}, y{lever("price_factor"), 0.8, 1.4, 4};
    for (const char* key : {"ltv_to_cac", "break_even_month", "rule_of_40", "customers_at_horizon"}) {
        const Grid g = grid(examples::base_case(), metric(key), x, y);
        for (std::size_t j = 0; j < g.y.size(); ++j)
            for (std::size_t i = 0; i < g.x.size(); ++i) {
                INFO(std::string(key), " at ", g.x[i], ", ", g.y[j]);
                const saas_test::json at =
                    saas_test::with_lever(saas_test::with_lever(scenario, y.lever, g.y[j]), x.lever, g.x[i]);
                CHECK(g.values[j][i] == saas_test::calc_metric(at, key));
            }
    }
}
