// Copying files between SourceManagers and shifting ranges to match; see
// merged_sources.h for why the two versions share one SourceManager.
#include "compiler/revise/merged_sources.h"

namespace concord::revise {

diag::FileId AppendFiles(const diag::SourceManager& from, diag::SourceManager& into,
                         const std::function<std::string(const std::string&)>& display) {
  auto offset = static_cast<diag::FileId>(into.file_count());
  for (diag::FileId id = 0; id < from.file_count(); ++id) {
    into.AddFile(display(from.Path(id)), std::string(from.Text(id)));
  }
  return offset;
}

diag::SourceRange Shifted(diag::SourceRange range, diag::FileId offset) {
  if (range.valid()) range.file += offset;
  return range;
}

diag::Diagnostic Shifted(diag::Diagnostic d, diag::FileId offset) {
  d.range = Shifted(d.range, offset);
  for (diag::Label& l : d.labels) l.range = Shifted(l.range, offset);
  for (diag::Note& n : d.notes) n.range = Shifted(n.range, offset);
  for (diag::FixIt& f : d.fixits) f.range = Shifted(f.range, offset);
  return d;
}

}  // namespace concord::revise
