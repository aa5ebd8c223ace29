#include "compiler/lsp/transport.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <optional>

namespace concord::lsp {
namespace {

enum class LineStatus { kLine, kTooLong, kEnd };

// One header line without its CR LF, into `line`; kEnd at the end of the
// stream. A bare LF is accepted too: some hand-written clients send it. At
// most kMaxHeaderLineBytes are kept: the rest of a longer line is read and
// dropped, so memory stays bounded whatever the client sends.
LineStatus ReadHeaderLine(std::istream& in, std::string& line) {
  line.clear();
  std::streambuf* buffer = in.rdbuf();
  using Traits = std::streambuf::traits_type;
  while (true) {
    Traits::int_type c = buffer->sbumpc();
    if (Traits::eq_int_type(c, Traits::eof())) {
      in.setstate(std::ios::eofbit);
      if (line.empty()) return LineStatus::kEnd;
      break;  // a last line without a line break
    }
    if (c == '\n') break;
    // Room for the CR of a line of exactly the limit.
    if (line.size() > kMaxHeaderLineBytes) {
      in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
      line.clear();
      return LineStatus::kTooLong;
    }
    line.push_back(Traits::to_char_type(c));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line.size() > kMaxHeaderLineBytes ? LineStatus::kTooLong : LineStatus::kLine;
}

std::string Lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Reads and drops `length` bytes; false when the stream ends first.
bool SkipBody(std::istream& in, size_t length) {
  size_t remaining = length;
  char buffer[1 << 16];
  while (remaining > 0 && in) {
    size_t chunk = std::min(remaining, sizeof buffer);
    in.read(buffer, static_cast<std::streamsize>(chunk));
    remaining -= static_cast<size_t>(in.gcount());
    if (static_cast<size_t>(in.gcount()) < chunk) break;
  }
  return remaining == 0;
}

}  // namespace

Frame ReadFrame(std::istream& in, size_t limit) {
  Frame frame;
  std::optional<size_t> length;
  bool any_header = false;
  std::string problem;           // the first thing wrong with the header block
  bool length_unusable = false;  // a Content-Length that is no number of bytes
  std::string line;
  while (true) {
    LineStatus status = ReadHeaderLine(in, line);
    if (status == LineStatus::kEnd) {
      frame.status = any_header ? Frame::Status::kTruncated : Frame::Status::kEndOfStream;
      return frame;
    }
    if (status == LineStatus::kTooLong) {
      any_header = true;
      if (problem.empty()) {
        problem = "a header line is longer than the limit of " +
                  std::to_string(kMaxHeaderLineBytes) + " bytes";
      }
      continue;
    }
    if (line.empty()) {
      // Blank lines before any header (stray newlines between messages)
      // are skipped rather than treated as an empty header block.
      if (!any_header) continue;
      break;
    }
    any_header = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      length_unusable = true;  // it may have been the length, mangled
      if (problem.empty()) problem = "message header without a valid Content-Length";
      continue;
    }
    std::string name = Lowercase(Trim(std::string_view(line).substr(0, colon)));
    std::string_view value = Trim(std::string_view(line).substr(colon + 1));
    if (name != "content-length") continue;  // Content-Type and unknown headers
    size_t parsed = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (ec == std::errc::result_out_of_range && end == value.data() + value.size()) {
      // All digits, but more bytes than a size_t counts: refused, never
      // clamped (skipping "the maximum" would read the stream to its end).
      length_unusable = true;
      if (problem.empty()) {
        std::string shown(value.substr(0, 40));
        if (value.size() > 40) shown += "...";
        problem = "Content-Length " + shown + " is out of range";
      }
      continue;
    }
    if (ec != std::errc() || end != value.data() + value.size()) {
      length_unusable = true;
      if (problem.empty()) problem = "message header without a valid Content-Length";
      continue;
    }
    length = parsed;
  }
  if (!length && problem.empty()) problem = "message header without a valid Content-Length";
  if (!problem.empty()) {
    frame.status = Frame::Status::kBadHeader;
    frame.problem = problem;
    // When only an over-long line was wrong, the body is skipped by its
    // length, so the next message is read from its header. Otherwise the
    // body cannot be found for sure: the bytes that follow are read as the
    // next header block, which resynchronises on the next `Content-Length`
    // a well-behaved client sends.
    if (length && !length_unusable && !SkipBody(in, *length)) {
      frame.status = Frame::Status::kTruncated;
    }
    return frame;
  }
  if (*length > limit) {
    frame.status = Frame::Status::kTooLarge;
    frame.problem = "message of " + std::to_string(*length) + " bytes is over the limit of " +
                    std::to_string(limit) + " bytes";
    // Skip the body so the next message is read from its header.
    if (!SkipBody(in, *length)) frame.status = Frame::Status::kTruncated;
    return frame;
  }
  frame.body.resize(*length);
  in.read(frame.body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<size_t>(in.gcount()) != *length) {
    frame.status = Frame::Status::kTruncated;
    frame.body.clear();
    return frame;
  }
  frame.status = Frame::Status::kMessage;
  return frame;
}

void WriteFrame(std::ostream& out, const std::string& body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace concord::lsp
