// Diagnostics from several source managers into one; see report_home.h.
#include "compiler/ledger/report_home.h"

namespace concord::ledger {

diag::SourceRange ReportHome::Move(diag::SourceRange r, const diag::SourceManager& from,
                                   const Redirect& redirect) {
  if (!r.valid() || &from == &sources) return r;
  if (redirect) {
    if (std::optional<diag::SourceRange> elsewhere = redirect(r)) return *elsewhere;
  }
  if (r.file >= from.file_count()) return {};
  auto key = std::make_pair(&from, r.file);
  auto it = copied_.find(key);
  if (it == copied_.end()) {
    diag::FileId id = sources.AddFile(from.Path(r.file), std::string(from.Text(r.file)));
    it = copied_.emplace(key, id).first;
  }
  return {it->second, r.begin, r.end};
}

void ReportHome::Adopt(diag::Diagnostic d, const diag::SourceManager& from,
                       const Redirect& redirect) {
  d.range = Move(d.range, from, redirect);
  for (diag::Label& l : d.labels) l.range = Move(l.range, from, redirect);
  for (diag::Note& n : d.notes) n.range = Move(n.range, from, redirect);
  for (diag::FixIt& f : d.fixits) f.range = Move(f.range, from, redirect);
  diags.Add(std::move(d));
}

}  // namespace concord::ledger
