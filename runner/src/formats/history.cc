#include "formats/history.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

#include "formats/json_sax.h"
#include "formats/json_string.h"
#include "util/atomic_file.h"
#include "util/file_lock.h"

namespace ptest {

namespace {

constexpr int kHistorySchemaVersion = 1;

using nlohmann::json;

// {"schema_version": 1, "cases": {"<id>": {"duration": <s>, "outcome": "passed"|"failed",
// "recent": "ppfk"}, ...}} ("recent" optional),
// read from SAX events: the history is read and written on every run, and
// for 20,000 cases a JSON tree would cost more than the rest of the runner.
class HistoryReader : public json::json_sax_t {
 public:
  explicit HistoryReader(History& history) : history_(history) {}
  std::string error;

  bool finish() {
    if (!saw_version_) return fail("schema_version missing");
    return true;
  }

  bool null() override { return fail("unexpected null"); }
  bool boolean(bool) override { return fail("unexpected true or false"); }
  bool number_integer(number_integer_t value) override { return number(static_cast<double>(value)); }
  bool number_unsigned(number_unsigned_t value) override { return number(static_cast<double>(value)); }
  bool number_float(number_float_t value, const string_t&) override { return number(value); }
  bool binary(binary_t&) override { return fail("unexpected binary"); }
  bool string(string_t& value) override {
    if (depth_ == 3 && key_ == "recent") {
      if (value.size() > kRecentRuns || value.find_first_not_of("pfk") != std::string::npos)
        return fail("recent is not up to " + std::to_string(kRecentRuns) + " of the letters p, f, k");
      current_->recent = std::move(value);
      return true;
    }
    if (depth_ != 3 || key_ != "outcome") return fail("unexpected string");
    current_->failed = value == "failed";
    return true;
  }
  bool key(string_t& key) override {
    if (depth_ == 2) current_ = &history_[key];  // a case id
    key_ = std::move(key);
    return true;
  }
  bool start_object(std::size_t) override {
    ++depth_;
    if (depth_ == 2 && key_ != "cases") return fail("unexpected object");
    return depth_ <= 3 || fail("nested too deeply");
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override { return fail("unexpected array"); }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& failure) override {
    return fail(failure.what());
  }

 private:
  bool fail(const std::string& why) {
    error = why;
    return false;
  }
  bool number(double value) {
    if (depth_ == 1 && key_ == "schema_version") {
      saw_version_ = true;
      return value == kHistorySchemaVersion || fail("schema_version is not " + std::to_string(kHistorySchemaVersion));
    }
    if (depth_ != 3 || key_ != "duration") return fail("unexpected number");
    if (!std::isfinite(value) || value < 0) return fail("a duration is not >= 0");
    current_->duration = value;
    return true;
  }

  History& history_;
  int depth_ = 0;
  std::string key_;
  CaseHistory* current_ = nullptr;
  bool saw_version_ = false;
};

void append_entry(std::string& out, const std::string& id, const CaseHistory& item) {
  if (out.back() != '{') out += ',';
  append_json_string(out, id);
  out += ":{\"duration\":";
  append_json_number(out, item.duration);
  out += item.failed ? ",\"outcome\":\"failed\"" : ",\"outcome\":\"passed\"";
  if (!item.recent.empty()) out += ",\"recent\":\"" + item.recent + '"';  // letters only: no escaping
  out += '}';
}

// An update over the file's entry: its duration and outcome, and its
// letters after the file's, the last kRecentRuns kept.
CaseHistory merged(const CaseHistory& base, const CaseHistory& update) {
  CaseHistory item = update;
  item.recent = base.recent + update.recent;
  if (item.recent.size() > kRecentRuns) item.recent.erase(0, item.recent.size() - kRecentRuns);
  return item;
}

// `base` with `updates` over it, without copying either: a history of
// 20,000 cases is as many strings.
std::string render_history(const History& base, const History& updates) {
  std::string out = "{\"schema_version\":" + std::to_string(kHistorySchemaVersion) + ",\"cases\":{";
  out.reserve((base.size() + updates.size()) * 80);
  std::size_t merged_count = 0;
  for (const auto& [id, item] : base) {
    const auto updated = updates.find(id);
    if (updated == updates.end()) {
      append_entry(out, id, item);
    } else {
      append_entry(out, id, merged(item, updated->second));
      ++merged_count;
    }
  }
  // Cases new to the history; none when every update met its entry above
  // (the usual run), which spares 20,000 more lookups on 20,000 cases.
  if (merged_count < updates.size())
    for (const auto& [id, item] : updates)
      if (base.find(id) == base.end()) append_entry(out, id, item);
  return out + "}}\n";
}

}  // namespace

History parse_history(const std::string& text) {
  History history;
  std::optional<HistoryReader> reader;
  const auto fresh_reader = [&]() -> nlohmann::json::json_sax_t& {
    reader.reset();
    history = History{};
    return reader.emplace(history);
  };
  if (!sax_parse(text, fresh_reader) || !reader->finish()) throw std::runtime_error(reader->error);
  return history;
}

namespace {

// Identifies one version of the file: its inode (an atomic replace makes a
// new one), size and modification time.
bool same_version(const std::string& path, const HistoryRead& read) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return read.size < 0;
  return info.st_ino == read.inode && info.st_size == read.size &&
         static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec == read.mtime_ns;
}

}  // namespace

HistoryRead read_history(const std::string& path) {
  HistoryRead read;
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return read;
  read.inode = info.st_ino;
  read.size = info.st_size;
  read.mtime_ns = static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
  try {
    read.history = parse_history(read_file(path));
  } catch (const std::exception& error) {
    read.warning = "history '" + path + "' is not usable and is ignored (" + error.what() + ")";
    read.history.clear();
  }
  return read;
}

void update_history(const std::string& path, const HistoryRead& read, const History& updates) {
  FileLock lock(path + ".lock");
  // Another run may have written the file since this one read it: then its
  // results are merged in too (a corrupt file is replaced). Otherwise what
  // this run read is still the file's content.
  if (same_version(path, read)) {
    write_file_atomically(path, render_history(read.history, updates));
  } else {
    write_file_atomically(path, render_history(read_history(path).history, updates));
  }
}

}  // namespace ptest
