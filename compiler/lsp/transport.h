// The base protocol of the LSP specification: each message is a header block
// (`Content-Length: N`, optionally `Content-Type`) ended by an empty line,
// then N bytes of JSON. Reading and writing the frames is all this file does;
// what the JSON says is the dispatcher's business.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>

namespace concord::lsp {

// A body larger than this is refused: the server answers with an error and
// skips the body, so one oversized message does not end the session.
inline constexpr size_t kMaxMessageBytes = 64u << 20;

// A header line longer than this (its CR LF not counted) is not kept: the
// rest of the line is read and dropped, and its frame is refused as
// kBadHeader, its body skipped when the block had a usable Content-Length.
// Real headers are a few dozen bytes.
inline constexpr size_t kMaxHeaderLineBytes = 8u << 10;

struct Frame {
  enum class Status {
    kMessage,      // `body` holds one message
    kEndOfStream,  // the client closed its end between messages
    kTooLarge,     // Content-Length over the limit; the body was skipped
    kBadHeader,    // no usable Content-Length (missing, malformed, out of range) or
                   // a header line over kMaxHeaderLineBytes; the block was skipped
    kTruncated,    // the stream ended inside a message
  };
  Status status = Status::kEndOfStream;
  std::string body;
  std::string problem;  // for kTooLarge and kBadHeader, said to the client
};

// Reads the next frame. `limit` is kMaxMessageBytes except in tests.
Frame ReadFrame(std::istream& in, size_t limit = kMaxMessageBytes);

// Writes one message with its Content-Length header and flushes.
void WriteFrame(std::ostream& out, const std::string& body);

}  // namespace concord::lsp
