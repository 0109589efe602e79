// Scenarios the tests share: the contract's example (section 1) and a one-plan builder.
#pragma once

#include "scenario.hpp"

namespace saas::examples {

// shared/spec/metrics.md, section 1.
inline Scenario base_case() {
    Scenario s;
    s.name = "Base case";
    Plan starter;
    starter.name = "Starter";
    starter.price = 29;
    starter.share = 0.7;
    Plan team;
    team.name = "Team";
    team.billing = Billing::annual;
    team.unit_price = 96;
    team.units = 8;
    team.share = 0.3;
    s.plans = {starter, team};
    s.customers = {200, 25, 0.03};
    s.revenue = {0.01, 0.005};
    s.costs = {15000, 0.8, 20000};
    s.options = {36, 60};
    return s;
}

// One monthly plan at `price`, `customers` at month 0, nothing else.
inline Scenario one_plan(double price, double customers) {
    Scenario s;
    Plan p;
    p.price = price;
    s.plans = {p};
    s.customers.starting = customers;
    return s;
}

} // namespace saas::examples
