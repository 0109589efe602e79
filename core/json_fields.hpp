// What the scenario's and the lab requests' readers share: untrusted JSON read member by
// member, every error collected in one pass and named by its JSON path.
#pragma once

#include "field_error.hpp"
#include "messages.hpp"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace saas {

// "plans[0]" + "price" -> "plans[0].price"; a key of the document itself stands alone.
inline std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// "plans" + 1 -> "plans[1]".
inline std::string at_index(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

// The member `key` of an object, or nullptr.
inline const nlohmann::json* find(const nlohmann::json& parent, std::string_view key) {
    auto it = parent.find(key);
    return it == parent.end() ? nullptr : &*it;
}

class FieldReader {
  public:
    FieldErrors errors;

    void error(std::string field, Message message) { errors.push_back({std::move(field), std::move(message)}); }

    // True when `value` is an object; each key not in `keys` is an error of its own.
    bool object(const nlohmann::json& value, const std::string& path, std::initializer_list<std::string_view> keys) {
        if (!value.is_object()) {
            error(path, msg::not_object(shown(value)));
            return false;
        }
        for (const auto& [key, unused] : value.items()) {
            bool known = false;
            for (std::string_view k : keys) known = known || k == key;
            if (!known) error(join(path, key), msg::unknown_key(key, std::vector<std::string>(keys.begin(), keys.end())));
        }
        return true;
    }
};

} // namespace saas
