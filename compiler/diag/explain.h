// `concord explain CODE`: the long Markdown explanation of a diagnostic code,
// embedded in the binary from docs/codes/CODE.md at build time.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace concord::diag {

// The Markdown for `code` ("E0101"; case-insensitive, so "e0101" works), or
// nullopt when no explanation exists.
std::optional<std::string_view> Explain(std::string_view code);

// Every code that has an explanation, sorted ("E0001", "E0002", ...).
std::vector<std::string_view> ExplainedCodes();

// The first line of an explanation without its leading "# CODE: " — a short
// title for listings; empty when `code` has no explanation.
std::string_view ExplanationTitle(std::string_view code);

}  // namespace concord::diag
