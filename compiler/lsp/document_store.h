// The documents the client has open, by URI, with their text as the client
// sees it. Changes arrive as range edits (TextDocumentSyncKind.Incremental)
// in the negotiated position encoding, or as a whole new text.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/lsp/position.h"

namespace concord::lsp {

struct Document {
  std::string uri;
  std::string path;  // the filesystem path for `file://` URIs, else the URI
  int64_t version = 0;
  std::string text;
};

// One entry of `contentChanges`: with a range it replaces that range, without
// one it replaces the whole text.
struct TextChange {
  std::optional<std::pair<Position, Position>> range;
  std::string text;
};

// Applies `change` to `text` (positions in `encoding`). Changes of one
// notification apply in order, each to the result of the one before.
void ApplyChange(std::string& text, const TextChange& change, PositionEncoding encoding);

class DocumentStore {
 public:
  Document& Open(std::string uri, int64_t version, std::string text);
  // Null when `uri` is not open.
  Document* Find(const std::string& uri);
  const Document* Find(const std::string& uri) const;
  bool Close(const std::string& uri);

  const std::map<std::string, Document>& documents() const { return documents_; }

 private:
  std::map<std::string, Document> documents_;
};

}  // namespace concord::lsp
