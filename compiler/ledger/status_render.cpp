// `concord status` as text and JSON; see status.h.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "compiler/ledger/status.h"

namespace concord::ledger {

std::string RenderStatusText(const Status& status) {
  std::string out =
      fmt::format("status on {}: {} event{} recorded{}\n", status.on, status.events,
                  status.events == 1 ? "" : "s",
                  status.last_event.empty() ? std::string()
                                            : fmt::format(", the last on {}", status.last_event));
  for (const StatusSection& s : status.sections) {
    out += fmt::format("\n{}\n", s.title);
    if (s.lines.empty()) out += "  (nothing)\n";
    for (const StatusLine& l : s.lines) {
      std::string code = l.code.empty() ? std::string() : l.code + " ";
      if (l.date.empty()) {
        out += fmt::format("  {:<40} {}\n", l.subject, l.text);
      } else {
        out += fmt::format("  {}  {}{}\n", l.date, code, l.text);
      }
    }
  }
  out += status.AnythingOverdue() ? "\nsomething is overdue\n" : "\nnothing is overdue\n";
  return out;
}

namespace {

// A string, or null when it is empty.
nlohmann::ordered_json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
}

}  // namespace

std::string RenderStatusJson(const Status& status) {
  nlohmann::ordered_json j;
  j["on"] = status.on;
  j["events"] = status.events;
  j["last_event"] = OrNull(status.last_event);
  j["overdue"] = status.AnythingOverdue();
  nlohmann::ordered_json sections = nlohmann::ordered_json::object();
  for (const StatusSection& s : status.sections) {
    nlohmann::ordered_json lines = nlohmann::ordered_json::array();
    for (const StatusLine& l : s.lines) {
      nlohmann::ordered_json line;
      line["date"] = OrNull(l.date);
      line["subject"] = l.subject;
      line["text"] = l.text;
      line["code"] = OrNull(l.code);
      line["overdue"] = l.overdue;
      lines.push_back(std::move(line));
    }
    sections[s.key] = std::move(lines);
  }
  j["sections"] = std::move(sections);
  return j.dump(2) + "\n";
}

}  // namespace concord::ledger
