// The two versions of a charter are compiled separately, each with its own
// SourceManager, but their diagnostics are shown together and one of them
// (R001) points into both. So the files of both compilations are copied into
// one SourceManager, the new version's first (its file ids stay the same) and
// the old version's after them, shifted by an offset.
#pragma once

#include <functional>
#include <string>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source_manager.h"

namespace concord::revise {

// Copies every file of `from` to the end of `into`, shown under
// `display(path)`, and returns the offset to add to `from`'s file ids.
diag::FileId AppendFiles(const diag::SourceManager& from, diag::SourceManager& into,
                         const std::function<std::string(const std::string&)>& display);

// A range, or every range of a diagnostic, moved by `offset` files.
diag::SourceRange Shifted(diag::SourceRange range, diag::FileId offset);
diag::Diagnostic Shifted(diag::Diagnostic d, diag::FileId offset);

}  // namespace concord::revise
