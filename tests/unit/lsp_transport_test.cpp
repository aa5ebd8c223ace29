// The LSP base protocol: Content-Length framing, the size limit, and a
// stream that stays usable after a bad message.
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <istream>
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

namespace {

// `size` bytes of `fill` produced on demand, so a test can feed the reader
// far more than it may keep without holding that much itself.
class GeneratedStream : public std::streambuf {
 public:
  GeneratedStream(size_t size, char fill) : remaining_(size) { chunk_.fill(fill); }

 protected:
  int_type underflow() override {
    if (remaining_ == 0) return traits_type::eof();
    size_t n = std::min(remaining_, chunk_.size());
    remaining_ -= n;
    setg(chunk_.data(), chunk_.data(), chunk_.data() + n);
    return traits_type::to_int_type(chunk_[0]);
  }

 private:
  size_t remaining_;
  std::array<char, 1 << 16> chunk_{};
};

long PeakResidentKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

TEST_CASE("a header line over the limit is refused and reading goes on", "[lsp][transport]") {
  // 1 MiB in one header line; its frame's body is skipped by its length.
  std::istringstream in("X-Padding: " + std::string(1u << 20, 'a') +
                        "\r\nContent-Length: 2\r\n\r\n{}Content-Length: 2\r\n\r\n[]");
  Frame refused = ReadFrame(in);
  CHECK(refused.status == Frame::Status::kBadHeader);
  CHECK(refused.problem == "a header line is longer than the limit of 8192 bytes");
  Frame next = ReadFrame(in);
  REQUIRE(next.status == Frame::Status::kMessage);
  CHECK(next.body == "[]");
  // A line of exactly the limit (its CR LF not counted) is still read.
  std::istringstream at_limit("X-Padding: " + std::string(8192 - 11, 'a') +
                              "\r\nContent-Length: 2\r\n\r\n{}");
  CHECK(ReadFrame(at_limit).body == "{}");
}

TEST_CASE("a header line that never ends is read in bounded memory", "[lsp][transport]") {
  {
    std::istringstream in(std::string(1u << 20, 'a'));  // 1 MiB, no newline, then the end
    CHECK(ReadFrame(in).status == Frame::Status::kTruncated);
  }
  // 256 MiB without a newline: the reader keeps at most one line's limit.
  long before = PeakResidentKiB();
  GeneratedStream source(256u << 20, 'a');
  std::istream in(&source);
  CHECK(ReadFrame(in).status == Frame::Status::kTruncated);
  CHECK(PeakResidentKiB() - before < 32 * 1024);
}

TEST_CASE("a Content-Length out of range is refused, not clamped", "[lsp][transport]") {
  std::istringstream in(
      "Content-Length: 99999999999999999999999\r\n\r\n"
      "Content-Length: 2\r\n\r\n{}");
  Frame refused = ReadFrame(in);
  CHECK(refused.status == Frame::Status::kBadHeader);
  CHECK(refused.problem == "Content-Length 99999999999999999999999 is out of range");
  Frame next = ReadFrame(in);
  REQUIRE(next.status == Frame::Status::kMessage);
  CHECK(next.body == "{}");
  for (const char* bad : {"-1", "+2", "2x", "0x10", ""}) {
    std::istringstream one(std::string("Content-Length: ") + bad + "\r\n\r\n");
    CHECK(ReadFrame(one).status == Frame::Status::kBadHeader);
  }
}
