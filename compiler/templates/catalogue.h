// The governance templates `concord new --template` starts a charter from:
// examples/templates/*.concord, embedded in the binary at build time
// (cmake/embed_templates.cmake), so they are there in any folder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace concord::templates {

struct CharterTemplate {
  std::string_view name;  // the file name without `.concord`: `benevolent_dictator`
  std::string_view text;  // the file as written
};

// Every template, ordered by name.
const std::vector<CharterTemplate>& Catalogue();

// The template called `name`, or null.
const CharterTemplate* FindTemplate(std::string_view name);

// The one-line description `concord new --list` prints: the text of the
// template's first line, which by convention is a `//` comment saying what
// the template is. Empty when the first line is not a comment.
std::string Description(const CharterTemplate& charter_template);

// "a, b and c": the names, for an error that lists what exists.
std::string NameList();

}  // namespace concord::templates
