// The model as values: records of the schema (compiler/sema/model_types.def)
// that concord requirements read. Every field carries the range of the
// clause it came from, so a broken requirement points at that clause.
#pragma once

#include <map>
#include <string>

#include "compiler/ir/ir.h"
#include "compiler/model/model.h"
#include "runtime/values/value.h"

namespace concord::model {

class ModelValues {
 public:
  // Shapes come from `module` (mirrored there by lower::Lowerer), so field
  // indices agree with the lowered requirements.
  explicit ModelValues(const ir::Module& module) : module_(module) {}

  values::Value Charter(const model::Charter& charter);
  // Parties are the charter values made by Charter(), found by name.
  values::Value Treaty(const model::Treaty& treaty);

 private:
  std::shared_ptr<values::Record> Make(const char* shape, std::string name = {},
                                       std::string owner = {}) const;
  values::Value Enum(const char* shape, int index) const;
  values::Value Rule(const model::Rule& rule, const std::string& owner) const;
  values::Value DecisionRule(const model::DecisionRule& rule,
                             const std::map<std::string, values::Value>& office_by_name) const;

  const ir::Module& module_;
  std::map<std::string, values::Value> charters_;
};

}  // namespace concord::model
