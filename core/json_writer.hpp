// JSON text written as it goes, for the large outputs (the report, the pricing lab's).
// Building an ordered_json of a whole report and then dumping it took most of a
// computation's time (bench/); numbers still go through nlohmann's own printer, so the
// text is exactly what json::dump gives.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace saas {

class JsonWriter {
  public:
    std::string text;

    void open(char bracket) {
        separate();
        text += bracket;
        first_ = true;
    }
    void open(std::string_view name, char bracket) {
        key(name);
        open(bracket);
    }
    void close(char bracket) {
        text += bracket;
        first_ = false;
    }

    template <class T>
    void field(std::string_view name, const T& x) {
        key(name);
        value(x);
    }

    void value(double x) {
        if (!std::isfinite(x)) return null(); // never expected; printed as dump() would
        separate();
        char digits[64]; // as large as nlohmann's own buffer
        // -0 would print as "-0.0"; a user never means it.
        text.append(digits, nlohmann::detail::to_chars(digits, digits + sizeof digits, x == 0 ? 0.0 : x));
    }
    void value(int x) { value(std::int64_t{x}); }
    void value(std::int64_t x) {
        separate();
        text += std::to_string(x);
    }
    void value(bool b) {
        separate();
        text += b ? "true" : "false";
    }
    void value(const std::string& s) {
        separate();
        // dump() copies printable ASCII but '"' and '\\' as it is: such a string (a lever's
        // path, most notes) skips the json value and the text that dump() would allocate.
        const bool plain = std::all_of(s.begin(), s.end(), [](unsigned char c) {
            return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
        });
        if (!plain) {
            text += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            return;
        }
        text += '"';
        text += s;
        text += '"';
    }
    void value(const std::vector<std::string>& list) {
        open('[');
        for (const std::string& s : list) value(s);
        close(']');
    }
    template <class T>
    void value(const std::optional<T>& x) {
        x ? value(*x) : null();
    }
    // A part made as JSON text elsewhere (the import's, built as ordered_json), as it is.
    void embed(std::string_view name, std::string_view json_text) {
        key(name);
        separate();
        text += json_text;
    }
    void null() {
        separate();
        text += "null";
    }
    // Keys are the contract's names, plain ASCII, so they need no escaping.
    void key(std::string_view name) {
        separate();
        text += '"';
        text += name;
        text += "\":";
        first_ = true;
    }

  private:
    bool first_ = true; // no comma before the next value

    void separate() {
        if (!first_) text += ',';
        first_ = false;
    }
};

} // namespace saas
