#include "reports/html_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "reports/junit_report.h"
#include "reports/slowest_cases.h"
#include "reports/worker_balance.h"

namespace ptest {

namespace {

std::string escape(const std::string& text) { return xml_escape(text); }

std::string number(double value, const char* format = "%.2f") {
  char text[32];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

const char* outcome_color(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed: return "#3a9d4f";
    case Outcome::failed: return "#d7263d";
    case Outcome::crashed: return "#8b1e3f";
    case Outcome::timeout: return "#e07a10";
    case Outcome::skipped: return "#9aa5b1";
    case Outcome::flaky: return "#d4a017";  // passed on a rerun: yellow, as on the terminal
  }
  return "#000";
}

// The page's look and its one script: no network, no other file.
const char* const kStyle = R"(
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2430;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde2e8}
.meta{color:#5b6675}.counts span{display:inline-block;margin-right:14px;font-weight:600}
.passed{color:#3a9d4f}.failed,.crashed{color:#d7263d}.timeout{color:#e07a10}.skipped,.not_run{color:#6b7785}
table{border-collapse:collapse}td,th{padding:3px 10px;text-align:left;border-bottom:1px solid #eef1f4}
td.n{text-align:right;font-variant-numeric:tabular-nums}
pre{background:#f6f8fa;padding:10px;overflow:auto;max-height:360px;border-radius:4px}
.failure{margin-bottom:18px}.failure h3{font-size:15px;margin:0 0 2px}.where{color:#5b6675;font-size:12px}
svg text{font:11px system-ui,sans-serif;fill:#1d2430}svg .process{fill:#e8edf3;stroke:#c5ced8}
svg .case:hover{stroke:#000;stroke-width:1}#hovered{min-height:1.4em;color:#5b6675}
.legend span{margin-right:14px;font-size:12px;color:#5b6675}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:-1px}
)";

const char* const kScript = R"(
(function () {
  var hovered = document.getElementById('hovered');
  var cases = document.querySelectorAll('#timeline .case');
  cases.forEach(function (rect) {
    rect.addEventListener('mouseenter', function () {
      hovered.textContent = rect.getAttribute('data-id') + ': ' + rect.getAttribute('data-outcome') +
          ' in ' + rect.getAttribute('data-duration') + 's on ' + rect.getAttribute('data-worker');
    });
  });
  document.body.setAttribute('data-cases-drawn', String(cases.length));
})();
)";

}  // namespace

void HtmlReport::case_finished(const TestCase&, const CaseResult& result) {
  if (is_failure(result.outcome)) failures_.push_back(result);
}

std::string HtmlReport::render() const {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>ptest: " +
                     escape(summary_line(summary_)) + "</title>\n<style>" + kStyle + "</style></head>\n<body>\n";
  html += "<h1>ptest run</h1>\n<div class=\"meta\">run " + escape(start_.testrun_uid) + " &middot; " +
          std::to_string(start_.workers) + " worker" + (start_.workers == 1 ? "" : "s") + " [" +
          escape(start_.dist_mode) + "] &middot; " + std::to_string(start_.selected) + " selected</div>\n";
  html += "<p class=\"counts\" id=\"summary\">";
  const std::pair<const char*, std::size_t> counts[] = {
      {"passed", summary_.passed},   {"failed", summary_.failed},   {"crashed", summary_.crashed},
      {"timeout", summary_.timeout}, {"skipped", summary_.skipped}, {"not_run", summary_.not_run}};
  for (const auto& [name, count] : counts)
    if (count > 0 || std::string(name) == "passed")
      html += "<span class=\"" + std::string(name) + "\">" + std::to_string(count) + " " + name + "</span>";
  html += "<span>in " + number(summary_.duration) + "s</span></p>\n";
  if (!summary_.stop_reason.empty()) html += "<p>" + escape(summary_.stop_reason) + "</p>\n";
  html += "<h2>Timeline</h2>\n" + timeline_svg() + "<div id=\"hovered\"></div>\n";
  html += "<h2>Workers</h2>\n" + workers_table();
  html += failures_section() + slowest_section();
  return html + "<script>" + kScript + "</script>\n</body></html>\n";
}

// One row per worker: its processes as grey bars, each case inside coloured
// by its outcome, a red tick where a process died, and a time axis.
std::string HtmlReport::timeline_svg() const {
  const double wall = std::max(timeline_.wall(), 1e-3);
  const double left = 48, width = 1000, row = 26, top = 8;
  const auto& workers = timeline_.workers();
  const double height = top + row * static_cast<double>(workers.size()) + 20;
  auto x = [&](double seconds) { return left + width * std::clamp(seconds, 0.0, wall) / wall; };
  std::string svg = "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(left + width + 16, "%.0f") +
                    "\" height=\"" + number(height, "%.0f") + "\" role=\"img\" aria-label=\"per-worker timeline\">\n";
  for (std::size_t worker = 0; worker < workers.size(); ++worker) {
    const double y = top + row * static_cast<double>(worker);
    svg += "<text x=\"4\" y=\"" + number(y + 15, "%.1f") + "\">" + worker_name(static_cast<int>(worker)) + "</text>\n";
    for (const ProcessSlice& process : workers[worker]) {
      const double stop = process.stop < 0 ? wall : process.stop;
      svg += "<rect class=\"process\" x=\"" + number(x(process.start), "%.2f") + "\" y=\"" + number(y + 2, "%.1f") +
             "\" width=\"" + number(std::max(0.5, x(stop) - x(process.start)), "%.2f") + "\" height=\"" +
             number(row - 6, "%.1f") + "\"><title>" + escape(manifest_.targets[process.target].name) + ": " +
             std::to_string(process.results.size()) + " cases</title></rect>\n";
      for (std::size_t index : process.results) {
        const CaseResult& result = timeline_.results()[index];
        const std::string& id = manifest_.cases[result.case_index].id;
        const double start = std::clamp(result.start, process.start, stop);
        const double end = std::clamp(result.stop, start, stop);
        const std::string duration = number(result.stop - result.start, "%.3f");
        // A failure is drawn wide enough to see even when it took no time.
        const double min_width = is_failure(result.outcome) ? 3 : 0.5;
        svg += "<rect class=\"case\" x=\"" + number(x(start), "%.2f") + "\" y=\"" + number(y + 5, "%.1f") +
               "\" width=\"" + number(std::max(min_width, x(end) - x(start)), "%.2f") + "\" height=\"" +
               number(row - 12, "%.1f") + "\" fill=\"" + outcome_color(result.outcome) + "\" data-id=\"" +
               escape(id) + "\" data-outcome=\"" + outcome_name(result.outcome) + "\" data-duration=\"" + duration +
               "\" data-worker=\"" + worker_name(result.worker) + "\"><title>" + escape(id) + " " +
               outcome_name(result.outcome) + " " + duration + "s</title></rect>\n";
      }
      if (process.died)
        svg += "<rect class=\"restart\" x=\"" + number(x(stop) - 1, "%.2f") + "\" y=\"" + number(y, "%.1f") +
               "\" width=\"2\" height=\"" + number(row - 2, "%.1f") +
               "\" fill=\"#d7263d\"><title>worker restart</title></rect>\n";
    }
  }
  const double axis = top + row * static_cast<double>(workers.size()) + 14;
  for (int tick = 0; tick <= 10; ++tick) {
    const double seconds = wall * tick / 10;
    svg += "<text x=\"" + number(x(seconds) - (tick == 10 ? 24 : 8), "%.1f") + "\" y=\"" + number(axis, "%.1f") +
           "\">" + number(seconds, seconds < 10 ? "%.2fs" : "%.0fs") + "</text>\n";
  }
  svg += "</svg>\n<div class=\"legend\">";
  for (Outcome outcome : {Outcome::passed, Outcome::failed, Outcome::crashed, Outcome::timeout, Outcome::skipped})
    svg += "<span><i style=\"background:" + std::string(outcome_color(outcome)) + "\"></i>" + outcome_name(outcome) +
           "</span>";
  return svg + "<span><i style=\"background:#e8edf3;border:1px solid #c5ced8\"></i>test process</span></div>\n";
}

std::string HtmlReport::workers_table() const {
  const WorkerBalance balance = worker_balance(timeline_);
  std::string html = "<table id=\"workers\"><tr><th>worker</th><th>cases</th><th>processes</th><th>busy</th>"
                     "<th>idle</th></tr>\n";
  for (std::size_t worker = 0; worker < balance.workers.size(); ++worker) {
    const WorkerLoad& load = balance.workers[worker];
    html += "<tr><td>" + worker_name(static_cast<int>(worker)) + "</td><td class=\"n\">" + std::to_string(load.cases) +
            "</td><td class=\"n\">" + std::to_string(load.processes) + "</td><td class=\"n\">" + number(load.busy) +
            "s</td><td class=\"n\">" + number(load.idle) + "s</td></tr>\n";
  }
  return html + "</table>\n<p>speedup " + number(balance.speedup) + "x (" + number(balance.case_seconds) +
         "s of cases in " + number(balance.wall) + "s), balance " + number(balance.balance) +
         " (busiest worker / mean)</p>\n";
}

std::string HtmlReport::failures_section() const {
  if (failures_.empty()) return {};
  std::string html = "<h2>Failures</h2>\n<div id=\"failures\">\n";
  for (const CaseResult& result : failures_) {
    const TestCase& test_case = manifest_.cases[result.case_index];
    html += "<div class=\"failure\"><h3 class=\"" + std::string(outcome_name(result.outcome)) + "\">" +
            outcome_name(result.outcome) + " " + escape(test_case.id) + "</h3>\n";
    if (!test_case.file.empty())
      html += "<div class=\"where\">" + escape(test_case.file) + ":" + std::to_string(test_case.line) + " &middot; " +
              worker_name(result.worker) + " &middot; " + number(result.stop - result.start, "%.3f") + "s</div>\n";
    if (!result.message.empty()) html += "<p>" + escape(result.message) + "</p>\n";
    if (!result.output.empty()) html += "<pre>" + escape(result.output) + "</pre>\n";
    html += "</div>\n";
  }
  return html + "</div>\n";
}

std::string HtmlReport::slowest_section() const {
  const std::vector<const CaseResult*> slowest = slowest_results(timeline_.results(), 20);
  if (slowest.empty()) return {};
  std::string html = "<h2>Slowest cases</h2>\n<table id=\"slowest\"><tr><th>seconds</th><th>worker</th><th>outcome</th>"
                     "<th>case</th></tr>\n";
  for (const CaseResult* result : slowest)
    html += "<tr><td class=\"n\">" + number(result->stop - result->start, "%.3f") + "</td><td>" +
            worker_name(result->worker) + "</td><td class=\"" + outcome_name(result->outcome) + "\">" +
            outcome_name(result->outcome) + "</td><td>" + escape(manifest_.cases[result->case_index].id) +
            "</td></tr>\n";
  return html + "</table>\n";
}

}  // namespace ptest
