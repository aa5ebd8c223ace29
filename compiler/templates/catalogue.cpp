// Looking templates up by name and describing them; the list itself is
// generated (cmake/embed_templates.cmake).
#include "compiler/templates/catalogue.h"

namespace concord::templates {

const CharterTemplate* FindTemplate(std::string_view name) {
  for (const CharterTemplate& t : Catalogue()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string Description(const CharterTemplate& charter_template) {
  std::string_view text = charter_template.text;
  std::string_view first = text.substr(0, text.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  if (first.substr(0, 2) != "//") return "";
  first.remove_prefix(2);
  while (!first.empty() && first.front() == ' ') first.remove_prefix(1);
  return std::string(first);
}

std::string NameList() {
  const auto& all = Catalogue();
  std::string out;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i > 0) out += i + 1 == all.size() ? " and " : ", ";
    out += "`" + std::string(all[i].name) + "`";
  }
  return out;
}

}  // namespace concord::templates
