// JSON Lines events; see event_json.h. The object is flat: strings, `true`
// and `false`, arrays of strings (`parties`, `members`) and one object of
// strings (`attributes`). Each event kind takes the fields that name the
// parts of its syntax, no more: an unknown or missing field is E0294.
#include "compiler/pipeline/event_json.h"

#include <fmt/format.h>

#include <map>
#include <string>
#include <vector>

#include "compiler/syntax/unicode.h"

namespace concord::pipeline {
namespace {

using diag::Code;

// An object's field. Declared before JsonValue and defined after it: a
// std::pair<std::string, JsonValue> inside JsonValue would need JsonValue
// complete (clang rejects it; vector<T> of an incomplete T is allowed).
struct JsonField;

struct JsonValue {
  enum class Kind : uint8_t { kString, kBool, kArray, kObject } kind = Kind::kString;
  std::string text;  // string; "true"/"false" for a bool
  std::vector<JsonValue> items;
  std::vector<JsonField> fields;
  diag::SourceRange range;
};

struct JsonField {
  std::string key;
  JsonValue value;
};

class JsonReader {
 public:
  JsonReader(std::string_view text, diag::FileId file, uint32_t base)
      : text_(text), file_(file), base_(base) {}

  // The top-level object, or nullopt with `error` and `at` set.
  std::optional<JsonValue> Object() {
    auto value = Value(0);
    if (!value) return std::nullopt;
    Skip();
    if (value->kind != JsonValue::Kind::kObject) return Fail("a line holds one JSON object");
    if (i_ < text_.size()) return Fail("text after the object");
    return value;
  }

  std::string error;
  uint32_t at = 0;

 private:
  std::nullopt_t Fail(std::string why) {
    error = std::move(why);
    at = base_ + static_cast<uint32_t>(std::min(i_, text_.size()));
    return std::nullopt;
  }
  void Skip() {
    while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t' || text_[i_] == '\r')) ++i_;
  }
  diag::SourceRange From(size_t start) const {
    return {file_, base_ + static_cast<uint32_t>(start), base_ + static_cast<uint32_t>(i_)};
  }
  std::optional<std::string> String();
  std::optional<JsonValue> Value(int depth);

  std::string_view text_;
  diag::FileId file_;
  uint32_t base_;
  size_t i_ = 0;
};

std::optional<std::string> JsonReader::String() {
  if (i_ >= text_.size() || text_[i_] != '"') return Fail("expected a string");
  ++i_;
  std::string out;
  while (i_ < text_.size() && text_[i_] != '"') {
    char c = text_[i_++];
    if (static_cast<unsigned char>(c) < 0x20) return Fail("a control character in a string");
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i_ >= text_.size()) break;
    char e = text_[i_++];
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        if (i_ + 4 > text_.size()) return Fail("a short \\u escape");
        unsigned code = 0;
        for (int k = 0; k < 4; ++k) {
          char h = text_[i_++];
          code <<= 4;
          if (h >= '0' && h <= '9')
            code |= static_cast<unsigned>(h - '0');
          else if (h >= 'a' && h <= 'f')
            code |= static_cast<unsigned>(h - 'a' + 10);
          else if (h >= 'A' && h <= 'F')
            code |= static_cast<unsigned>(h - 'A' + 10);
          else
            return Fail("a bad \\u escape");
        }
        if (code >= 0xD800 && code <= 0xDFFF) return Fail("a surrogate in a \\u escape");
        if (code < 0x80) {
          out += static_cast<char>(code);
        } else if (code < 0x800) {
          out += static_cast<char>(0xC0 | (code >> 6));
          out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (code >> 12));
          out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (code & 0x3F));
        }
        break;
      }
      default:
        return Fail(fmt::format("an unknown escape `\\{}`", e));
    }
  }
  if (i_ >= text_.size()) return Fail("a string that does not end");
  ++i_;
  return out;
}

std::optional<JsonValue> JsonReader::Value(int depth) {
  Skip();
  size_t start = i_;
  JsonValue v;
  if (i_ >= text_.size()) return Fail("expected a value");
  char c = text_[i_];
  if (c == '"') {
    auto s = String();
    if (!s) return std::nullopt;
    v.text = std::move(*s);
  } else if (text_.substr(i_).starts_with("true") || text_.substr(i_).starts_with("false")) {
    v.kind = JsonValue::Kind::kBool;
    v.text = c == 't' ? "true" : "false";
    i_ += v.text.size();
  } else if ((c == '[' || c == '{') && depth < 2) {
    bool object = c == '{';
    v.kind = object ? JsonValue::Kind::kObject : JsonValue::Kind::kArray;
    ++i_;
    Skip();
    char close = object ? '}' : ']';
    if (i_ < text_.size() && text_[i_] == close) {
      ++i_;
    } else {
      while (true) {
        Skip();
        std::string key;
        if (object) {
          auto k = String();
          if (!k) return std::nullopt;
          key = std::move(*k);
          Skip();
          if (i_ >= text_.size() || text_[i_] != ':') return Fail("expected `:`");
          ++i_;
        }
        auto item = Value(depth + 1);
        if (!item) return std::nullopt;
        if (object) {
          v.fields.push_back({std::move(key), std::move(*item)});
        } else {
          v.items.push_back(std::move(*item));
        }
        Skip();
        if (i_ < text_.size() && text_[i_] == ',') {
          ++i_;
          continue;
        }
        if (i_ < text_.size() && text_[i_] == close) {
          ++i_;
          break;
        }
        return Fail(fmt::format("expected `,` or `{}`", close));
      }
    }
  } else {
    return Fail(depth >= 2 ? "objects and arrays nest one level at most"
                           : "values are strings, `true`, `false`, arrays and one object");
  }
  v.range = From(start);
  return v;
}

// The fields each kind takes, after `date` and `event`.
struct Form {
  const char* event;
  ast::EventKind kind;
  std::vector<const char*> fields;
};

const std::vector<Form>& Forms() {
  using K = ast::EventKind;
  static const std::vector<Form> forms = {
      {"join", K::kJoin, {"member", "polity", "attributes"}},
      {"leave", K::kLeave, {"member", "polity"}},
      {"exit", K::kExit, {"polity", "treaty"}},
      {"contribute", K::kContribute, {"member", "amount", "ledger"}},
      {"report", K::kReport, {"ledger"}},
      {"sign", K::kSign, {"treaty", "parties"}},
      {"renew", K::kRenew, {"treaty", "parties"}},
      {"distress", K::kDistress, {"treaty", "party"}},
      {"respond", K::kRespond, {"treaty", "party"}},
      {"reflection", K::kReflection, {"polity"}},
      {"stress_game", K::kStressGame, {"polity"}},
      {"dispute", K::kDispute, {"dispute", "polity", "members", "serious"}},
      {"ruling", K::kRuling, {"dispute", "outcome"}},
      {"decide", K::kDecide, {"proposal"}},
  };
  return forms;
}

// `60 EUR`, `12.50 EUR`; `1200` (an attribute) when `money_only` is false.
ast::ExprPtr Amount(const JsonValue& v, bool money_only) {
  std::string_view text = v.text;
  size_t space = text.find(' ');
  if (space == std::string_view::npos) {
    if (money_only || text.empty() || text.size() > 18) return nullptr;
    int64_t n = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return nullptr;
      n = n * 10 + (c - '0');
    }
    auto node = std::make_unique<ast::IntLit>(v.range);
    node->value = n;
    return node;
  }
  auto amount = values::Decimal::Parse(text.substr(0, space));
  std::string_view currency = text.substr(space + 1);
  bool valid = amount && currency.size() == 3;
  for (char c : currency) valid = valid && c >= 'A' && c <= 'Z';
  if (!valid) return nullptr;
  auto node = std::make_unique<ast::MoneyLit>(v.range);
  node->amount = *amount;
  node->currency = std::string(currency);
  return node;
}

}  // namespace

std::optional<ast::Event> ParseJsonEvent(const diag::SourceManager& sources, diag::FileId file,
                                         uint32_t begin, uint32_t end,
                                         diag::DiagnosticEngine& diags) {
  std::string_view line = sources.Text(file).substr(begin, end - begin);
  diag::SourceRange whole{file, begin, end};
  auto fail = [&](diag::SourceRange at, const std::string& why) {
    diags.Report(Code::E0294, at, why)
        .WithHelp("docs/reference.md, Event files, lists the fields of each event");
    return std::nullopt;
  };
  JsonReader reader(line, file, begin);
  std::optional<JsonValue> object = reader.Object();
  if (!object) return fail({file, reader.at, reader.at}, reader.error);
  std::map<std::string, const JsonValue*> fields;
  for (const auto& [key, value] : object->fields) {
    if (!fields.emplace(key, &value).second) return fail(value.range, "`" + key + "` given twice");
  }
  auto field = [&](const char* name) -> const JsonValue* {
    auto it = fields.find(name);
    return it == fields.end() ? nullptr : it->second;
  };
  const JsonValue* date = field("date");
  const JsonValue* kind = field("event");
  if (!date || !kind) return fail(whole, "an event has a `date` and an `event`");
  const Form* form = nullptr;
  for (const Form& f : Forms()) {
    if (kind->text == f.event) form = &f;
  }
  if (!form) {
    return fail(kind->range, fmt::format("`{}` has no JSON form; write it in the event syntax "
                                         "in a file that does not end in `.jsonl`",
                                         kind->text));
  }
  std::string why;
  auto day = values::Date::Parse(date->text, &why);
  if (!day) return fail(date->range, fmt::format("the date `{}`: {}", date->text, why));
  std::string takes = "date, event";
  for (const char* f : form->fields) takes += fmt::format(", {}", f);
  for (const auto& [key, value] : fields) {
    bool known = key == "date" || key == "event";
    for (const char* f : form->fields) known = known || key == f;
    if (!known) {
      return fail(value->range,
                  fmt::format("`{}` takes no field `{}` (it takes {})", form->event, key, takes));
    }
  }
  ast::Event e;
  e.kind = form->kind;
  e.date = {*day, date->range};
  e.range = whole;
  auto name = [&](const JsonValue& v) -> std::optional<ast::Identifier> {
    if (v.kind != JsonValue::Kind::kString || v.text.empty()) return std::nullopt;
    return ast::Identifier{syntax::NormalizeName(v.text), v.range};
  };
  // The fields in the order of the syntax: subject, then target or names.
  for (size_t i = 0; i < form->fields.size(); ++i) {
    std::string key = form->fields[i];
    const JsonValue* v = field(form->fields[i]);
    bool optional = key == "attributes" || key == "serious";
    if (!v) {
      if (optional) continue;
      return fail(whole, fmt::format("`{}` needs `{}` (it takes {})", form->event, key, takes));
    }
    if (key == "attributes") {
      if (v->kind != JsonValue::Kind::kObject) return fail(v->range, "`attributes` is an object");
      for (const auto& [attr, value] : v->fields) {
        ast::ExprPtr expr = value.kind == JsonValue::Kind::kString ? Amount(value, false) : nullptr;
        if (!expr) return fail(value.range, "an attribute is an amount such as \"1200 EUR\"");
        e.attributes.push_back({{syntax::NormalizeName(attr), value.range}, std::move(expr)});
      }
    } else if (key == "amount") {
      e.amount = v->kind == JsonValue::Kind::kString ? Amount(*v, true) : nullptr;
      if (!e.amount) return fail(v->range, "`amount` is money such as \"60 EUR\"");
    } else if (key == "serious") {
      if (v->kind != JsonValue::Kind::kBool) return fail(v->range, "`serious` is true or false");
      e.flag = v->text == "true";
    } else if (key == "outcome") {
      if (v->text != "issued" && v->text != "reaffirmed") {
        return fail(v->range, "`outcome` is \"issued\" or \"reaffirmed\"");
      }
      e.flag = v->text == "reaffirmed";
    } else if (key == "parties" || key == "members") {
      if (v->kind != JsonValue::Kind::kArray || v->items.empty()) {
        return fail(v->range, fmt::format("`{}` is a list of names", key));
      }
      if (key == "members" && v->items.size() != 2) {
        return fail(v->range, "`members` names the two sides of the dispute");
      }
      for (const JsonValue& item : v->items) {
        auto id = name(item);
        if (!id) return fail(item.range, "a name is a non-empty string");
        e.names.push_back(std::move(*id));
      }
    } else {
      auto id = name(*v);
      if (!id) return fail(v->range, fmt::format("`{}` is a name (a non-empty string)", key));
      if (i == 0) {
        e.subject = std::move(*id);
      } else if (key == "party") {
        e.names.push_back(std::move(*id));
      } else {
        e.target = std::move(*id);
      }
    }
  }
  return e;
}

}  // namespace concord::pipeline
