// Rules, in charters, treaties and scenario amendments: the trigger event
// and its variable, and the conditions (bools) of `where`, `require` and
// `when`.
#include <fmt/format.h>

#include "compiler/sema/checker.h"
#include "compiler/sema/model_types.h"

namespace concord::sema {

void Checker::CheckRule(const Context& ctx, const ast::Rule& rule, const Symbol* symbol) {
  Context rule_ctx = ctx;
  rule_ctx.dated = true;  // evaluated on the event's date
  const Type* boolean = types().Bool();
  if (rule.trigger) {
    const ast::RuleTrigger& trigger = *rule.trigger;
    const Type* type = types().Error();
    if (const TriggerEvent* event = FindTriggerEvent(trigger.event.name)) {
      type = types().FindRecord(event->record)->type;
    } else {
      std::vector<std::string> words;
      for (const TriggerEvent& e : TriggerEvents()) words.emplace_back(e.word);
      // A user who guessed the word wants the whole list, not only the
      // closest one (often there is none close enough to suggest).
      std::string listed;
      for (const std::string& word : words) listed += (listed.empty() ? "`" : ", `") + word + "`";
      ReportUnknown(trigger.event, "", words, diag::Code::E0217)
          .WithNote(fmt::format("a rule is triggered by one of these events: {}", listed));
    }
    Symbol* variable = out_.NewSymbol(SymbolKind::kTriggerVariable, trigger.variable.name,
                                      trigger.variable.range, type, &trigger, symbol);
    Bind(trigger.variable, variable);
    rule_ctx.locals.push_back(variable);
    ExpectType(rule_ctx, trigger.where.get(), boolean, "a `where` condition is a bool");
  } else if (!rule.requires_.empty() || !rule.whens.empty()) {
    // A condition with no event would never be evaluated.
    ReportMissing(rule.name, "rule", "on")
        .WithHelp("say which event the rule checks, such as `on contribution c`");
  }
  for (const ast::RuleRequire& r : rule.requires_) {
    ExpectType(rule_ctx, r.condition.get(), boolean, "a `require` condition is a bool");
  }
  for (const ast::RuleWhen& w : rule.whens) {
    ExpectType(rule_ctx, w.condition.get(), boolean, "a `when` condition is a bool");
  }
}

}  // namespace concord::sema
