// Position conversion in the three encodings and incremental edits, over
// text with multi-byte UTF-8 and characters outside the BMP (surrogate
// pairs in UTF-16).
#include <catch2/catch.hpp>
#include <string>

#include "compiler/lsp/document_store.h"
#include "compiler/lsp/position.h"
#include "compiler/lsp/uri.h"

using concord::lsp::ApplyChange;
using concord::lsp::LineIndex;
using concord::lsp::Position;
using concord::lsp::PositionEncoding;
using concord::lsp::TextChange;

namespace {
// "é" is 2 bytes, 1 UTF-16 unit; "🔧" is 4 bytes, 2 UTF-16 units (a pair).
const std::string kText = "ab\n\xC3\xA9x\xF0\x9F\x94\xA7y\r\nlast";
}  // namespace

TEST_CASE("UTF-16 positions count surrogate pairs as two units", "[lsp][position]") {
  LineIndex index(kText);
  CHECK(index.line_count() == 3);
  // Line 1: é(0) x(1) 🔧(2,3) y(4)
  CHECK(index.ToOffset({1, 0}, PositionEncoding::kUtf16) == 3);
  CHECK(index.ToOffset({1, 1}, PositionEncoding::kUtf16) == 5);
  CHECK(index.ToOffset({1, 2}, PositionEncoding::kUtf16) == 6);
  CHECK(index.ToOffset({1, 4}, PositionEncoding::kUtf16) == 10);
  // Half a pair snaps to the character's start.
  CHECK(index.ToOffset({1, 3}, PositionEncoding::kUtf16) == 6);
  CHECK(index.ToPosition(10, PositionEncoding::kUtf16) == Position{1, 4});
  CHECK(index.ToPosition(11, PositionEncoding::kUtf16) == Position{1, 5});
}

TEST_CASE("UTF-8 and UTF-32 positions", "[lsp][position]") {
  LineIndex index(kText);
  CHECK(index.ToOffset({1, 7}, PositionEncoding::kUtf8) == 10);
  CHECK(index.ToPosition(10, PositionEncoding::kUtf8) == Position{1, 7});
  CHECK(index.ToOffset({1, 3}, PositionEncoding::kUtf32) == 10);
  CHECK(index.ToPosition(10, PositionEncoding::kUtf32) == Position{1, 3});
}

TEST_CASE("positions past a line or the text clamp", "[lsp][position]") {
  LineIndex index(kText);
  // Past the end of line 1 stops before its CR LF.
  CHECK(index.ToOffset({1, 99}, PositionEncoding::kUtf16) == 11);
  CHECK(index.ToOffset({7, 0}, PositionEncoding::kUtf16) == kText.size());
  CHECK(index.ToPosition(static_cast<uint32_t>(kText.size()), PositionEncoding::kUtf16) ==
        Position{2, 4});
}

TEST_CASE("incremental edits apply in order in the negotiated encoding", "[lsp][edit]") {
  std::string text = kText;
  // Replace the wrench (UTF-16 2..4 on line 1) with "Z".
  ApplyChange(text, {std::pair{Position{1, 2}, Position{1, 4}}, "Z"}, PositionEncoding::kUtf16);
  CHECK(text == "ab\n\xC3\xA9xZy\r\nlast");
  // Insert across lines, then delete the join.
  ApplyChange(text, {std::pair{Position{0, 2}, Position{0, 2}}, "c\nd"}, PositionEncoding::kUtf16);
  CHECK(text == "abc\nd\n\xC3\xA9xZy\r\nlast");
  ApplyChange(text, {std::pair{Position{1, 1}, Position{2, 0}}, ""}, PositionEncoding::kUtf16);
  CHECK(text == "abc\nd\xC3\xA9xZy\r\nlast");
  // In UTF-8, after é (2 bytes) on line 1.
  ApplyChange(text, {std::pair{Position{1, 3}, Position{1, 4}}, "X"}, PositionEncoding::kUtf8);
  CHECK(text == "abc\nd\xC3\xA9XZy\r\nlast");
  // Without a range: the whole text.
  ApplyChange(text, {std::nullopt, "new"}, PositionEncoding::kUtf16);
  CHECK(text == "new");
}

TEST_CASE("file URIs round-trip with percent-encoding", "[lsp][uri]") {
  CHECK(concord::lsp::UriToPath("file:///tmp/a%20b/c%C3%A9.concord") ==
        "/tmp/a b/c\xC3\xA9.concord");
  CHECK(concord::lsp::PathToUri("/tmp/a b/c\xC3\xA9.concord") ==
        "file:///tmp/a%20b/c%C3%A9.concord");
  CHECK(concord::lsp::UriToPath("untitled:Untitled-1") == "untitled:Untitled-1");
}
