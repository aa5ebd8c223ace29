// The language server on a session decoded from the fuzzer's bytes: after
// `initialize`, each step opens, edits (whole or by range) or closes one of
// two documents, asks one of the features at a position, or hands the
// server a raw message body. Messages go through Server::HandleFrame, the
// same entry `concord lsp` uses after framing. Oracles: the sanitizers, and
// every frame the server writes carries a JSON body.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "compiler/lsp/server.h"
#include "compiler/lsp/transport.h"

namespace {

using Json = nlohmann::json;

constexpr const char* kUris[] = {"file:///nonexistent-concord-fuzz/a.concord",
                                 "file:///nonexistent-concord-fuzz/b.concord"};
constexpr const char* kRequests[] = {
    "textDocument/hover",      "textDocument/definition", "textDocument/documentSymbol",
    "textDocument/completion", "textDocument/codeAction", "textDocument/semanticTokens/full",
    "textDocument/formatting"};
constexpr int kMaxSteps = 24;

Json Position(FuzzedDataProvider& in) {
  return {{"line", in.ConsumeIntegralInRange<int>(-1, 40)},
          {"character", in.ConsumeIntegralInRange<int>(-1, 120)}};
}

Json Range(FuzzedDataProvider& in) {
  Json start = Position(in);
  return {{"start", start}, {"end", Position(in)}};
}

// The document text; the JSON layer replaces invalid UTF-8 as a client would
// have to.
std::string Text(FuzzedDataProvider& in) {
  return in.ConsumeRandomLengthString(4096);
}

std::string Dump(const Json& message) {
  return message.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  std::ostringstream out;
  concord::lsp::Server server(out, "fuzz");
  int id = 0;
  auto deliver = [&](const std::string& body) {
    concord::lsp::Frame frame;
    frame.status = concord::lsp::Frame::Status::kMessage;
    frame.body = body;
    return server.HandleFrame(frame);
  };
  auto request = [&](const std::string& method, Json params) {
    return deliver(
        Dump({{"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", params}}));
  };
  auto notify = [&](const std::string& method, Json params) {
    return deliver(Dump({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}));
  };

  Json capabilities = Json::object();
  if (in.ConsumeBool()) capabilities["general"]["positionEncodings"] = {"utf-8"};
  bool running = request("initialize", {{"capabilities", capabilities}});
  if (running) running = notify("initialized", Json::object());

  for (int step = 0; running && step < kMaxSteps && in.remaining_bytes() > 0; ++step) {
    const char* uri = kUris[in.ConsumeIntegralInRange<int>(0, 1)];
    Json doc = {{"uri", uri}};
    int version = step + 1;
    switch (in.ConsumeIntegralInRange<int>(0, 8)) {
      case 0:
        running = notify("textDocument/didOpen", {{"textDocument",
                                                   {{"uri", uri},
                                                    {"languageId", "concord"},
                                                    {"version", version},
                                                    {"text", Text(in)}}}});
        break;
      case 1:
        running = notify("textDocument/didChange",
                         {{"textDocument", {{"uri", uri}, {"version", version}}},
                          {"contentChanges", Json::array({{{"text", Text(in)}}})}});
        break;
      case 2: {
        Json range = Range(in);
        running =
            notify("textDocument/didChange",
                   {{"textDocument", {{"uri", uri}, {"version", version}}},
                    {"contentChanges", Json::array({{{"range", range}, {"text", Text(in)}}})}});
        break;
      }
      case 3:
        running = notify("textDocument/didClose", {{"textDocument", doc}});
        break;
      case 4:
      case 5: {
        const char* method = in.PickValueInArray(kRequests);
        Json params = {{"textDocument", doc}, {"position", Position(in)}};
        if (std::string(method) == "textDocument/codeAction") {
          params["range"] = Range(in);
          params["context"] = {{"diagnostics", Json::array()}};
        }
        if (std::string(method) == "textDocument/formatting") {
          params["options"] = {{"tabSize", 2}, {"insertSpaces", true}};
        }
        running = request(method, params);
        break;
      }
      case 6:  // whatever a confused or hostile client sends
        running = deliver(in.ConsumeRandomLengthString(1024));
        break;
      case 7:
        running = request("shutdown", nullptr);
        break;
      case 8:
        running = notify("exit", nullptr);
        break;
    }
  }

  std::istringstream replies(out.str());
  while (true) {
    concord::lsp::Frame frame = concord::lsp::ReadFrame(replies);
    if (frame.status == concord::lsp::Frame::Status::kEndOfStream) break;
    if (frame.status != concord::lsp::Frame::Status::kMessage || !Json::accept(frame.body)) {
      std::fprintf(stderr, "fuzz_lsp: the server wrote a frame that is not a JSON message\n");
      std::abort();
    }
  }
  return 0;
}
