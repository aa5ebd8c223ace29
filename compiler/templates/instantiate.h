// Turning a template into a community's first charter: its name, its title
// and its adoption date become the community's, everything else (comments
// and layout included) stays as the template wrote it.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "compiler/templates/catalogue.h"
#include "runtime/values/date.h"

namespace concord::templates {

struct InstantiateError {
  std::string message;  // lowercase, no final period, as diagnostics are
};

// The template's text with the charter renamed to `name`, titled after it
// (`riverside_housing` → "Riverside Housing") and `adopted` set to `adopted`.
// Fails when `name` is not a charter name Concord accepts (the result is
// parsed again to make sure), or when the template has no single charter.
std::variant<std::string, InstantiateError> Instantiate(const CharterTemplate& charter_template,
                                                        std::string_view name,
                                                        values::Date adopted);

// "Riverside Housing" for `riverside_housing`: underscores become spaces and
// each word starts with a capital (ASCII letters only; others are kept).
std::string TitleFromName(std::string_view name);

}  // namespace concord::templates
