// JsonWriter (json_writer.hpp): its text is what json::dump gives for the same values.
#include "json_writer.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using saas::JsonWriter;

TEST_CASE("JsonWriter writes a string exactly as json::dump does, plain or escaped") {
    std::vector<std::string> texts = {"", "plans[12].tiers[0].unit_price", "say \"hi\"", "back\\slash", "tab\there",
                                      "line\nbreak", "caf\xC3\xA9 \xE2\x82\xAC", "bad \xC3 byte", "del \x7F"};
    for (int byte = 0; byte < 256; ++byte) texts.push_back(std::string(1, static_cast<char>(byte)));
    for (const std::string& text : texts) {
        CAPTURE(text);
        JsonWriter w;
        w.value(text);
        CHECK(w.text == nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
}
