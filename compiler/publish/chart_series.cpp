// Metrics over time for the run page's charts; see chart_series.h.
#include "compiler/publish/chart_series.h"

#include <map>
#include <optional>
#include <set>

#include "runtime/engine/engine.h"

namespace concord::publish {

std::vector<values::Date> SampleDates(values::Date start, values::Date until) {
  int64_t months = 0;
  while (months < 100000 && start.AddMonths(months + 1) < until) ++months;
  int64_t step = months / (kMaxSamples - 2) + 1;
  std::vector<values::Date> dates = {start};
  for (int64_t m = step; m <= months; m += step) dates.push_back(start.AddMonths(m));
  if (dates.back() < until) dates.push_back(until);
  return dates;
}

namespace {

// "12", "-3.5", "40 EUR": the number a metric's value starts with.
std::optional<double> NumberOf(const std::string& value) {
  if (value.empty()) return std::nullopt;
  size_t used = 0;
  try {
    double x = std::stod(value, &used);
    if (used == value.size() || value[used] == ' ') return x;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::string UnitOf(const std::string& value) {
  size_t space = value.find(' ');
  return space == std::string::npos ? "" : value.substr(space + 1);
}

using Sample = std::map<std::pair<std::string, std::string>, std::string>;

enum class Group { kMembers, kFunds, kStatus, kMetrics, kNone };

Group GroupOf(const std::string& owner, const std::string& name) {
  if (owner.empty()) return Group::kNone;  // built-ins per person: not a polity's series
  if (name == "members") return Group::kMembers;
  if (name == "status") return Group::kStatus;
  if (name.size() > 8 && name.ends_with(" balance")) return Group::kFunds;
  return Group::kMetrics;
}

struct ChartSpec {
  Group group;
  const char* id;
  const char* title;
  const char* kind;  // "line" or "status"
};

constexpr ChartSpec kCharts[] = {
    {Group::kFunds, "funds", "Fund balances", "line"},
    {Group::kMembers, "members", "Membership", "line"},
    {Group::kStatus, "treaty-status", "Treaty status", "status"},
    {Group::kMetrics, "metrics", "Sovereignty metrics", "line"},
};

Json Chart(const ChartSpec& spec, const std::vector<values::Date>& dates,
           const std::vector<Sample>& samples,
           const std::vector<std::pair<std::string, std::string>>& keys) {
  Json x = Json::array();
  for (values::Date d : dates) x.push_back(d.ToString());
  Json series = Json::array();
  std::vector<std::string> categories;  // status names, in order of appearance
  for (const auto& key : keys) {
    if (GroupOf(key.first, key.second) != spec.group) continue;
    Json values = Json::array();
    std::string unit;
    bool any = false;
    for (const Sample& s : samples) {
      auto it = s.find(key);
      if (it == s.end()) {
        values.push_back(nullptr);
        continue;
      }
      if (spec.group == Group::kStatus) {
        size_t index = 0;
        while (index < categories.size() && categories[index] != it->second) ++index;
        if (index == categories.size()) categories.push_back(it->second);
        values.push_back(index + 1);
        any = true;
      } else if (std::optional<double> v = NumberOf(it->second)) {
        values.push_back(*v);
        if (unit.empty()) unit = UnitOf(it->second);
        any = true;
      } else {
        values.push_back(nullptr);
      }
    }
    if (!any) continue;
    std::string label = spec.group == Group::kMembers || spec.group == Group::kStatus
                            ? key.first
                            : key.first + ": " + key.second;
    series.push_back(Json{{"label", label}, {"unit", unit}, {"values", values}});
  }
  if (series.empty()) return Json();
  Json chart{
      {"id", spec.id}, {"title", spec.title}, {"kind", spec.kind}, {"x", x}, {"series", series}};
  if (spec.group == Group::kStatus) chart["categories"] = categories;
  return chart;
}

}  // namespace

Json ChartsData(const engine::ProgramSpec& program, const engine::ScenarioSpec& scenario,
                const Json& timeline) {
  std::vector<values::Date> dates = SampleDates(scenario.start, scenario.until);
  std::vector<Sample> samples;
  std::vector<std::pair<std::string, std::string>> keys;  // in the engine's order
  std::set<std::pair<std::string, std::string>> seen;
  for (values::Date d : dates) {
    engine::ScenarioSpec upto = scenario;
    upto.until = d;
    upto.expectations.clear();
    engine::RunResult run = engine::Run(program, upto);
    Sample sample;
    for (const engine::MetricValue& m : run.metrics) {
      if (m.error) continue;
      std::pair<std::string, std::string> key{m.owner, m.name};
      sample[key] = m.value;
      if (seen.insert(key).second) keys.push_back(key);
    }
    samples.push_back(std::move(sample));
  }
  Json charts = Json::array();
  for (const ChartSpec& spec : kCharts) {
    Json chart = Chart(spec, dates, samples, keys);
    if (!chart.is_null()) charts.push_back(std::move(chart));
  }
  Json cycles = Json::array();
  for (const Json& e : timeline["timeline"]) {
    std::string text = e["text"];
    bool met = e["kind"] == "met" && text.starts_with("revision of ");
    bool missed = e["code"] == "R001";
    if (!met && !missed) continue;
    cycles.push_back(
        Json{{"date", e["date"]}, {"polity", e["subject"]}, {"met", met}, {"text", text}});
  }
  return Json{{"charts", charts}, {"revision_cycles", cycles}};
}

}  // namespace concord::publish
