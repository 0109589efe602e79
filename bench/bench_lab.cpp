// Times one pricing lab tool natively, request JSON text in, result JSON text out, as the
// CLI and the wasm module run it (not a test). bench/lab-wasm.mjs writes the requests and
// compares with the wasm module. Prints the medians of wall-clock and CPU time: on a
// loaded machine the CPU time (this process's) moves much less.
//   bench_lab solve|sensitivity|grid|price-change REQUEST_FILE [RUNS]   (default 50 runs)
#include "lab_json.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

int main(int argc, char** argv) {
    const std::string_view tool = argc > 1 ? argv[1] : "";
    saas::LabResult (*run)(std::string_view) = tool == "solve"          ? saas::solve_json
                                               : tool == "sensitivity"  ? saas::sensitivity_json
                                               : tool == "grid"         ? saas::grid_json
                                               : tool == "price-change" ? saas::price_change_json
                                                                        : nullptr;
    const int runs = argc > 3 ? std::atoi(argv[3]) : 50;
    std::ifstream file(argc > 2 ? argv[2] : "", std::ios::binary);
    if (!run || !file || runs < 1) {
        std::fprintf(stderr, "usage: bench_lab solve|sensitivity|grid|price-change REQUEST_FILE [RUNS]\n");
        return 1;
    }
    const std::string request{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    if (!run(request).ok) {
        std::fprintf(stderr, "bench_lab: not a valid %s request: %s\n", argv[1], run(request).json.c_str());
        return 1;
    }
    std::vector<double> wall, cpu;
    std::size_t bytes = 0; // used below, so the computation cannot be optimised away
    for (int i = 0; i < runs / 10 + 1; ++i) bytes += run(request).json.size(); // warm-up
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        bytes += run(request).json.size();
        cpu.push_back(1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
        wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    for (auto* millis : {&wall, &cpu}) std::nth_element(millis->begin(), millis->begin() + runs / 2, millis->end());
    std::printf("native: median %.3f ms, CPU %.3f ms per %s over %d runs (%zu bytes out)\n", wall[runs / 2],
                cpu[runs / 2], argv[1], runs, bytes / (runs + runs / 10 + 1));
    return 0;
}
