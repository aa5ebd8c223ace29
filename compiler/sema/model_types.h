// The model schema as data: which record a rule trigger binds, which words a
// `record` event accepts. The enums and records themselves are declared in
// model_types.def and registered into every TypeContext.
#pragma once

#include <string_view>
#include <vector>

namespace concord::sema {

// `on EVENT var`: the event word and the record type `var` gets.
struct TriggerEvent {
  std::string_view word;    // "contribution"
  std::string_view record;  // "contribution"
};

const std::vector<TriggerEvent>& TriggerEvents();
const TriggerEvent* FindTriggerEvent(std::string_view word);

// `record KIND id in P { ... }`: the kinds of history record a scenario can
// add, each also a record type and a charter-scope set (`decisions`, ...).
struct HistoryKind {
  std::string_view word;  // "decision"
  std::string_view set;   // "decisions"
};

const std::vector<HistoryKind>& HistoryKinds();
const HistoryKind* FindHistoryKind(std::string_view word);

}  // namespace concord::sema
