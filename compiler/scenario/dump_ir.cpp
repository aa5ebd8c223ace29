#include "compiler/scenario/dump_ir.h"

#include <fmt/format.h>

#include <map>

#include "compiler/diag/one_line.h"
#include "compiler/ir/print.h"
#include "compiler/scenario/build_input.h"

namespace concord::scenario {
namespace {

// Longest source text shown after a root's header; longer text is cut.
constexpr size_t kMaxSourceText = 100;

// The source of a root on one line: runs of white space become one space.
std::string ShownSource(std::string_view text) {
  std::string out = diag::OneLine(text);
  if (out.size() > kMaxSourceText) {
    size_t cut = kMaxSourceText;
    // Do not cut a UTF-8 sequence in two.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + " ...";
  }
  return out;
}

// How a root's source text is framed in its `#` line, for the roots whose
// name alone does not say which clause they are: `where X`, `require X`,
// `when X then reject`, `when X then flag`, `left side: X`.
struct Role {
  std::string before;
  std::string after;
};
using Roles = std::map<const ir::Root*, Role>;

void AddRoles(const engine::RuleSpec& rule, Roles& roles) {
  if (rule.where) roles[rule.where] = {"where ", ""};
  for (const engine::RuleCheck& check : rule.checks) {
    if (!check.condition) continue;
    switch (check.kind) {
      case engine::RuleCheck::Kind::kRequire:
        roles[check.condition] = {"require ", ""};
        break;
      case engine::RuleCheck::Kind::kReject:
        roles[check.condition] = {"when ", " then reject"};
        break;
      case engine::RuleCheck::Kind::kFlag:
        roles[check.condition] = {"when ", " then flag"};
        break;
    }
  }
}

Roles RolesOf(const scenario::Inputs& inputs) {
  Roles roles;
  for (const engine::CharterSpec& c : inputs.program.charters) {
    for (const engine::RuleSpec& r : c.rules) AddRoles(r, roles);
  }
  for (const engine::TreatySpec& t : inputs.program.treaties) {
    for (const engine::RuleSpec& r : t.rules) AddRoles(r, roles);
  }
  for (const engine::ScenarioSpec& s : inputs.scenarios) {
    for (const engine::EventSpec& e : s.events) {
      for (const engine::ChangeSpec& change : e.changes) {
        if (change.rule) AddRoles(*change.rule, roles);
      }
    }
    for (const engine::ExpectSpec& x : s.expectations) {
      if (x.lhs) roles[x.lhs] = {"left side: ", ""};
    }
  }
  return roles;
}

class Dumper {
 public:
  Dumper(const diag::SourceManager& sources, Roles roles)
      : sources_(sources), roles_(std::move(roles)) {
    options_.locate = [this](const diag::SourceRange& r) { return Locate(r); };
  }
  Dumper(const Dumper&) = delete;  // options_ points back at this object
  Dumper& operator=(const Dumper&) = delete;

  void Function(const ir::Function& fn) {
    home_ = fn.range.file;
    Entry(ir::Print(fn, options_), fn.range, nullptr);
  }
  void Root(const ir::Root& root) {
    home_ = root.range.file;
    static const Role kPlain;
    auto role = roles_.find(&root);
    Entry(ir::Print(root, options_), root.range, role == roles_.end() ? &kPlain : &role->second);
  }

  std::string Take() { return std::move(out_); }

 private:
  std::string Position(diag::FileId file, uint32_t offset) const {
    diag::LineColumn at = sources_.Position(file, offset);
    return fmt::format("{}:{}", at.line, at.column);
  }

  std::string Locate(const diag::SourceRange& r) const {
    std::string span = Position(r.file, r.begin) + ".." + Position(r.file, r.end);
    return r.file == home_ ? span : sources_.Path(r.file) + ":" + span;
  }

  // The printed header line, a `#` line with its origin (and, for a root,
  // its source text), then the body.
  void Entry(const std::string& printed, const diag::SourceRange& range, const Role* role) {
    if (!out_.empty()) out_ += "\n";
    size_t eol = printed.find('\n');
    std::string header = printed.substr(0, eol);
    std::string body = eol == std::string::npos ? std::string() : printed.substr(eol + 1);
    out_ += header + "\n";
    if (range.valid()) {
      out_ += "  # " + sources_.Path(range.file) + ":" + Position(range.file, range.begin);
      if (role) out_ += ": " + role->before + ShownSource(sources_.Slice(range)) + role->after;
      out_ += "\n";
    }
    out_ += body;
  }

  const diag::SourceManager& sources_;
  Roles roles_;
  ir::PrintOptions options_;
  diag::FileId home_ = diag::kNoFile;
  std::string out_;
};

}  // namespace

IrDump DumpIr(const sema::CheckedProgram& checked, const model::Model& model,
              const diag::SourceManager& sources) {
  IrDump dump;
  ir::Module module;
  Inputs inputs = BuildInputs(checked, model, module);
  if (inputs.error) {
    dump.error = fmt::format("cannot lower `{}`: {}", sources.Slice(inputs.error->range),
                             inputs.error->message);
    return dump;
  }
  Dumper dumper(sources, RolesOf(inputs));
  for (const auto& fn : module.functions()) dumper.Function(*fn);
  for (const auto& root : module.roots()) dumper.Root(*root);
  dump.text = dumper.Take();
  return dump;
}

}  // namespace concord::scenario
