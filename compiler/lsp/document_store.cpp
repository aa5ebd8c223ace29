#include "compiler/lsp/document_store.h"

#include <algorithm>

#include "compiler/lsp/uri.h"

namespace concord::lsp {

void ApplyChange(std::string& text, const TextChange& change, PositionEncoding encoding) {
  if (!change.range) {
    text = change.text;
    return;
  }
  LineIndex index(text);
  uint32_t begin = index.ToOffset(change.range->first, encoding);
  uint32_t end = index.ToOffset(change.range->second, encoding);
  // A client that sends the range backwards still means the span between.
  if (end < begin) std::swap(begin, end);
  text.replace(begin, end - begin, change.text);
}

Document& DocumentStore::Open(std::string uri, int64_t version, std::string text) {
  Document& doc = documents_[uri];
  doc.path = UriToPath(uri);
  doc.uri = std::move(uri);
  doc.version = version;
  doc.text = std::move(text);
  return doc;
}

Document* DocumentStore::Find(const std::string& uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

const Document* DocumentStore::Find(const std::string& uri) const {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

bool DocumentStore::Close(const std::string& uri) {
  return documents_.erase(uri) > 0;
}

}  // namespace concord::lsp
