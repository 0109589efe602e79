#include "calc.hpp"
#include <doctest/doctest.h>
TEST_CASE("smoke") { CHECK(saas::calc(R"({"plans":[{"price":49}],"customers":{"starting":100}})").ok); }
