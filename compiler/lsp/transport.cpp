#include "compiler/lsp/transport.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <optional>

namespace concord::lsp {
namespace {

// One header line without its CR LF; nullopt at the end of the stream. A
// bare LF is accepted too: some hand-written clients send it.
std::optional<std::string> ReadHeaderLine(std::istream& in) {
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
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

}  // namespace

Frame ReadFrame(std::istream& in, size_t limit) {
  Frame frame;
  std::optional<size_t> length;
  bool any_header = false;
  bool bad_length = false;
  while (true) {
    std::optional<std::string> line = ReadHeaderLine(in);
    if (!line) {
      frame.status = any_header ? Frame::Status::kTruncated : Frame::Status::kEndOfStream;
      return frame;
    }
    if (line->empty()) {
      // Blank lines before any header (stray newlines between messages)
      // are skipped rather than treated as an empty header block.
      if (!any_header) continue;
      break;
    }
    any_header = true;
    size_t colon = line->find(':');
    if (colon == std::string::npos) {
      bad_length = true;
      continue;
    }
    std::string name = Lowercase(Trim(std::string_view(*line).substr(0, colon)));
    std::string_view value = Trim(std::string_view(*line).substr(colon + 1));
    if (name != "content-length") continue;  // Content-Type and unknown headers
    size_t parsed = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (ec == std::errc::result_out_of_range) {
      parsed = std::numeric_limits<size_t>::max();
    } else if (ec != std::errc() || end != value.data() + value.size()) {
      bad_length = true;
      continue;
    }
    length = parsed;
  }
  if (!length || bad_length) {
    // Without a length the body cannot be found: the bytes that follow are
    // read as the next header block, which resynchronises on the next
    // `Content-Length` a well-behaved client sends.
    frame.status = Frame::Status::kBadHeader;
    frame.problem = "message header without a valid Content-Length";
    return frame;
  }
  if (*length > limit) {
    frame.status = Frame::Status::kTooLarge;
    frame.problem = "message of " + std::to_string(*length) + " bytes is over the limit of " +
                    std::to_string(limit) + " bytes";
    // Skip the body so the next message is read from its header.
    size_t remaining = *length;
    char buffer[1 << 16];
    while (remaining > 0 && in) {
      size_t chunk = std::min(remaining, sizeof buffer);
      in.read(buffer, static_cast<std::streamsize>(chunk));
      remaining -= static_cast<size_t>(in.gcount());
      if (static_cast<size_t>(in.gcount()) < chunk) break;
    }
    if (remaining > 0) frame.status = Frame::Status::kTruncated;
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
