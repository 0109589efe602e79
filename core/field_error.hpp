// Errors are values: a JSON path and what is allowed there.
#pragma once

#include <string>
#include <vector>

namespace saas {

struct FieldError {
    std::string field; // JSON path, e.g. "plans[1].share"; "" for the document itself
    std::string message;
};

using FieldErrors = std::vector<FieldError>;

} // namespace saas
