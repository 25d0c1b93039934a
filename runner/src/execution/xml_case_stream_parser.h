// What Catch2's and doctest's XML reporters have in common, read as they
// stream: each case is a <TestCase ...> element, opened (and flushed) when
// the case starts and closed when it ends, with the case's own output and
// the reporter's elements in between, one a line (an empty <TestCase .../>
// is a case that did not run). The subclass reads the
// elements inside a case that say how it went.
//
// Both reporters flush the opening tag before they write its newline, so a
// case whose process hangs or dies right after starting has still started:
// an opening tag at the end of what has arrived counts without its newline.
#pragma once

#include "execution/case_stream_parser.h"
#include "execution/output_buffer.h"

namespace ptest {

class XmlCaseStreamParser : public CaseStreamParser {
 public:
  explicit XmlCaseStreamParser(std::size_t output_limit)
      : case_output_(output_limit), stray_output_(output_limit) {}

  void feed(std::string_view chunk, Listener& listener) override;

  const std::optional<std::string>& running_case() const override { return running_; }
  std::string running_output() const override;
  std::string stray_output() const override;

 protected:
  // What the elements inside a case said so far.
  struct Verdict {
    std::optional<Outcome> outcome;  // none: no result element yet (a failure, if it stays so)
    double seconds = -1;             // the framework's own duration; < 0: none
    bool crashed = false;            // the framework caught a fatal signal in the case
  };

  // A line of the running case that holds an element named `tag`.
  virtual void read_element(std::string_view tag, std::string_view line, Verdict& verdict) = 0;

 private:
  void handle_line(std::string_view line, Listener& listener);
  bool start_case(std::string_view line, Listener& listener);

  std::string partial_line_;
  bool partial_started_case_ = false;  // partial_line_ is the opening tag of the running case
  std::optional<std::string> running_;
  Verdict verdict_;
  OutputBuffer case_output_;
  OutputBuffer stray_output_;
};

}  // namespace ptest
