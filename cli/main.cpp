// saas-metrics: the native command line over core/ (contract section 7).
#include "calc.hpp"
#include "import_json.hpp"
#include "lab_json.hpp"
#include "messages.hpp"

#include <cstdio>
#include <iostream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <optional>
#include <string>
#include <string_view>

namespace {

constexpr const char* help = R"(saas-metrics: SaaS metrics from a scenario (MRR, churn, CAC payback, LTV, ...)

Usage:
  saas-metrics calc FILE    compute every metric of the scenario JSON in FILE
  saas-metrics calc -       the same, reading the scenario from standard input
  saas-metrics import FILE|- [--currency XXX] [--as-of YYYY-MM-DD]
                            analyse subscription data (a CSV of segments or a Stripe
                            subscriptions export): monthly MRR movements, cohorts and
                            suggested inputs; --currency is that of rows without a
                            currency column (default USD), --as-of the snapshot date
  saas-metrics solve FILE|-         pricing lab, goal seek: the value of one input that
                                    reaches a target metric
  saas-metrics sensitivity FILE|-   each input moved down and up: how much a metric moves
  saas-metrics grid FILE|-          a metric over two inputs
  saas-metrics price-change FILE|-  today's projection against one with new prices
                            (each reads a request JSON: contract section 9, README)
  saas-metrics codes        every message code with its parameters, as JSON (README,
                            "Messages"): errors and notes carry these codes
  saas-metrics --help       show this help

Prints the output JSON and exits 0; for an invalid scenario or request, or subscription data with
no usable row or an unknown header, prints {"errors": [...]} and exits 2; exits 1 when
FILE cannot be read.
)";

// C stdio, because a read error must come back as a value: std::filebuf throws on one
// (reading a directory, say), and exceptions are off.
std::optional<std::string> read_all(std::FILE* file) {
    std::string text;
    char buffer[1 << 16];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, file)) text.append(buffer, n);
    if (std::ferror(file)) return std::nullopt;
    return text;
}

std::optional<std::string> read_all(std::string_view path) {
    if (path == "-") return read_all(stdin);
    std::FILE* file = std::fopen(std::string(path).c_str(), "rb");
    if (!file) return std::nullopt;
    std::optional<std::string> text = read_all(file);
    std::fclose(file);
    return text;
}

// saas-metrics import: the file goes through the import in 64 KiB chunks, so a large
// export is never held whole.
int import_command(int argc, char** argv) {
    std::string_view path, currency = "USD", as_of;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if ((arg == "--currency" || arg == "--as-of") && i + 1 < argc)
            (arg == "--currency" ? currency : as_of) = argv[++i];
        else if (path.empty() && (arg == "-" || !arg.starts_with("-")))
            path = arg;
        else
            path = {}, i = argc; // a usage error
    }
    if (path.empty()) {
        std::cerr << help;
        return 1;
    }
    // The import's tables grow by doubling. glibc maps each large block afresh and unmaps it
    // when freed, so every growth faulted in new pages; kept in the heap instead (as wasm's
    // malloc keeps it), a freed block is reused by the next growth.
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
    saas::ImportState state = saas::import_begin(currency, as_of);
    std::FILE* file = path == "-" ? stdin : std::fopen(std::string(path).c_str(), "rb");
    bool read = file != nullptr;
    if (file) {
        static char buffer[1 << 16];
        while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, file))
            saas::import_feed(state, std::string_view(buffer, n));
        read = !std::ferror(file);
        if (file != stdin) std::fclose(file);
    }
    if (!read) {
        std::cerr << "saas-metrics: cannot read " << path << "\n";
        return 1;
    }
    const saas::ImportResult result = saas::import_finish(state);
    std::cout << result.json << "\n";
    return result.exit_code;
}

using TextTool = saas::LabResult (*)(std::string_view);

// The pricing lab's commands: request JSON in, result JSON out, as calc.
TextTool lab_tool(std::string_view command) {
    if (command == "solve") return saas::solve_json;
    if (command == "sensitivity") return saas::sensitivity_json;
    if (command == "grid") return saas::grid_json;
    if (command == "price-change") return saas::price_change_json;
    return nullptr;
}

} // namespace

int main(int argc, char** argv) {
    const std::string_view command = argc > 1 ? argv[1] : "";
    if (command == "--help" || command == "-h") {
        std::cout << help;
        return 0;
    }
    if (command == "import") return import_command(argc, argv);
    if (command == "codes" && argc == 2) {
        std::cout << saas::message_codes_json() << "\n";
        return 0;
    }
    const TextTool lab = lab_tool(command);
    if ((command != "calc" && !lab) || argc != 3) {
        std::cerr << help;
        return 1;
    }
    const std::optional<std::string> text = read_all(argv[2]);
    if (!text) {
        std::cerr << "saas-metrics: cannot read " << argv[2] << "\n";
        return 1;
    }
    const saas::LabResult result = lab ? lab(*text) : [&] {
        saas::CalcResult calc = saas::calc(*text);
        return saas::LabResult{std::move(calc.json), calc.ok};
    }();
    std::cout << result.json << "\n";
    return result.ok ? 0 : 2;
}
