// Times one full computation, scenario JSON text in, output JSON text out, as the CLI
// and the wasm module run it (issue 3's benchmark; not a test). Prints the median.
//   bench_calc [SCENARIO_FILE] [RUNS]   (default bench/scenario-50-plans.json, 5000)
#include "calc.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : "bench/scenario-50-plans.json";
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5000;
    std::ifstream file(path, std::ios::binary);
    if (!file || runs < 1) {
        std::fprintf(stderr, "bench_calc: cannot read %s\n", path);
        return 1;
    }
    const std::string scenario{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    if (!saas::calc(scenario).ok) {
        std::fprintf(stderr, "bench_calc: %s is not a valid scenario\n", path);
        return 1;
    }

    std::vector<double> micros;
    std::size_t bytes = 0; // used below, so the computation cannot be optimised away
    for (int i = 0; i < runs / 10; ++i) bytes += saas::calc(scenario).json.size(); // warm-up
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        bytes += saas::calc(scenario).json.size();
        const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
        micros.push_back(took.count());
    }
    std::nth_element(micros.begin(), micros.begin() + runs / 2, micros.end());
    std::printf("native: median %.1f us per calc over %d runs (%zu bytes out)\n",
                micros[runs / 2], runs, bytes / (runs + runs / 10));
    return 0;
}
