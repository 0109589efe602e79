// Errors are values: a JSON path and what is allowed there, as a Message (a code with
// its parameters, and the English text).
#pragma once

#include "message_codes.hpp"

#include <string>
#include <vector>

namespace saas {

struct FieldError {
    std::string field; // JSON path, e.g. "plans[1].share"; "" for the document itself
    Message message;
};

using FieldErrors = std::vector<FieldError>;

} // namespace saas
