// The LSP base protocol: Content-Length framing, the size limit, and a
// stream that stays usable after a bad message.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "compiler/lsp/transport.h"

using concord::lsp::Frame;
using concord::lsp::ReadFrame;
using concord::lsp::WriteFrame;

TEST_CASE("frames are read by Content-Length, headers in any case", "[lsp][transport]") {
  std::istringstream in(
      "Content-Length: 7\r\n\r\n{\"a\":1}"
      "content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:2\r\n\r\n[]");
  Frame first = ReadFrame(in);
  REQUIRE(first.status == Frame::Status::kMessage);
  CHECK(first.body == "{\"a\":1}");
  Frame second = ReadFrame(in);
  REQUIRE(second.status == Frame::Status::kMessage);
  CHECK(second.body == "[]");
  CHECK(ReadFrame(in).status == Frame::Status::kEndOfStream);
}

TEST_CASE("a body is counted in bytes, not characters", "[lsp][transport]") {
  std::string body = "{\"t\":\"\xF0\x9F\x94\xA7\"}";  // a wrench: 4 bytes, 1 character
  std::ostringstream out;
  WriteFrame(out, body);
  CHECK(out.str() == "Content-Length: 12\r\n\r\n" + body);
  std::istringstream in(out.str() + out.str());
  CHECK(ReadFrame(in).body == body);
  CHECK(ReadFrame(in).body == body);
}

TEST_CASE("a message over the limit is skipped and the next one is read", "[lsp][transport]") {
  std::istringstream in(
      "Content-Length: 20\r\n\r\n01234567890123456789Content-Length: 2\r\n\r\n{}");
  Frame big = ReadFrame(in, /*limit=*/10);
  CHECK(big.status == Frame::Status::kTooLarge);
  CHECK(big.problem == "message of 20 bytes is over the limit of 10 bytes");
  Frame next = ReadFrame(in, 10);
  REQUIRE(next.status == Frame::Status::kMessage);
  CHECK(next.body == "{}");
}

TEST_CASE("a header without a length is reported and reading goes on", "[lsp][transport]") {
  std::istringstream in("Content-Length: twelve\r\n\r\nContent-Length: 2\r\n\r\n{}");
  CHECK(ReadFrame(in).status == Frame::Status::kBadHeader);
  Frame next = ReadFrame(in);
  REQUIRE(next.status == Frame::Status::kMessage);
  CHECK(next.body == "{}");
}

TEST_CASE("a stream that ends inside a body is truncated", "[lsp][transport]") {
  std::istringstream in("Content-Length: 10\r\n\r\n{\"a\"");
  CHECK(ReadFrame(in).status == Frame::Status::kTruncated);
  std::istringstream headers_only("Content-Length: 10\r\n");
  CHECK(ReadFrame(headers_only).status == Frame::Status::kTruncated);
}
