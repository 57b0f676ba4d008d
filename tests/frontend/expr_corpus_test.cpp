// Parses every Python payload of the real-world corpus (read in place from ../shared):
// each one CPython accepts where Tornado pastes it must parse, and the ones it rejects
// (listed by tests/tools/corpus_payloads.py, which runs the same scan) must be rejected.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "expr_test_support.hpp"
#include "squall/detail/unicode.hpp"
#include "support/read_text.hpp"

namespace squall::front::testing {
namespace {

using squall::testing_support::read_text;

namespace fs = std::filesystem;

struct Payload {
  std::string kind;  // tuple, module, expr, if, for, set, except, import, from
  SourceRange range;
  int depth;  // enclosing control blocks (if/for/while/try/apply) in this file
};

// The payload kind per directive, as tests/tools/corpus_payloads.py assigns it.
std::string payload_kind(std::string_view op) {
  static const std::pair<std::string_view, std::string_view> kinds[] = {
      {"if", "if"},         {"elif", "if"},       {"while", "if"},      {"for", "for"},
      {"set", "set"},       {"raw", "tuple"},     {"module", "module"}, {"apply", "expr"},
      {"except", "except"}, {"import", "import"}, {"from", "from"},
  };
  for (const auto& [name, kind] : kinds) {
    if (name == op) return std::string(kind);
  }
  return {};
}

bool is_control(std::string_view op) {
  return op == "if" || op == "for" || op == "while" || op == "try" || op == "apply";
}

SourceRange strip_range(std::string_view text, SourceRange r) {
  const std::string_view inner = text.substr(r.begin, r.end - r.begin);
  const std::string_view stripped = detail::python_strip(inner);
  const auto begin = r.begin + static_cast<std::uint32_t>(stripped.data() - inner.data());
  return {begin, begin + static_cast<std::uint32_t>(stripped.size())};
}

// Handles one `{% ... %}` tag whose contents are `inner`; updates the block stack.
void block_tag(std::string_view text, SourceRange inner, std::vector<std::string>& stack,
               std::vector<Payload>& out) {
  const SourceRange content = strip_range(text, inner);
  const std::string_view c = text.substr(content.begin, content.end - content.begin);
  const std::size_t space = c.find(' ');
  const std::string op(c.substr(0, space));
  int depth = 0;
  for (const auto& s : stack) depth += is_control(s) ? 1 : 0;
  if (is_control(op) || op == "block") stack.push_back(op);
  if (op == "end" && !stack.empty()) stack.pop_back();
  const std::string kind = payload_kind(op);
  if (kind.empty() || space == std::string_view::npos) return;
  const auto rest_begin = content.begin + static_cast<std::uint32_t>(space) + 1;
  const SourceRange suffix = strip_range(text, {rest_begin, content.end});
  if (suffix.end > suffix.begin) out.push_back({kind, suffix, depth});
}

// Tornado's scan (spec 1.2), reduced to what locates payloads.
std::vector<Payload> scan(std::string_view text) {
  std::vector<Payload> out;
  std::vector<std::string> stack;
  std::size_t pos = 0;
  while (true) {
    const std::size_t start = text.find('{', pos);
    if (start == std::string_view::npos || start + 1 >= text.size()) return out;
    const char c = text[start + 1];
    if (c != '{' && c != '%' && c != '#') {
      pos = start + 1;
      continue;
    }
    if (c == '{' && start + 3 < text.size() && text[start + 2] == '{') {
      pos = start + 1;
      continue;
    }
    if (start + 2 < text.size() && text[start + 2] == '!') {
      pos = start + 3;
      continue;
    }
    const char* close = c == '{' ? "}}" : c == '%' ? "%}" : "#}";
    const std::size_t end = text.find(close, start + 2);
    if (end == std::string_view::npos) return out;
    pos = end + 2;
    const SourceRange inner{static_cast<std::uint32_t>(start + 2), static_cast<std::uint32_t>(end)};
    if (c == '{') {
      const SourceRange r = strip_range(text, inner);
      if (r.end > r.begin) out.push_back({"tuple", r, 0});
    } else if (c == '%') {
      block_tag(text, inner, stack, out);
    }
  }
}

bool parse_payload(const std::shared_ptr<const SourceFile>& file, const Payload& p,
                   DiagnosticEngine& diags) {
  ExprParseInput in{file, p.range, diags};
  if (p.kind == "tuple" || p.kind == "module") return parse_expression(in, true) != nullptr;
  if (p.kind == "expr" || p.kind == "if") return parse_expression(in, false) != nullptr;
  if (p.kind == "for") return parse_for_header(in).has_value();
  if (p.kind == "set") return parse_set_body(in, 4 * (p.depth + 1)).has_value();
  if (p.kind == "except") return parse_except_header(in).has_value();
  ImportNode node(p.range);
  return p.kind == "import" ? parse_import(in, node) : parse_from_import(in, node);
}

std::set<std::string> load_rejects() {
  std::ifstream in(std::string(SQUALL_SOURCE_DIR) +
                   "/tests/frontend/data/corpus_python_rejects.txt");
  std::set<std::string> rejects;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') rejects.insert(line);
  }
  return rejects;
}

TEST(ExprCorpus, EveryPayloadCPythonAcceptsParses) {
  const fs::path corpus = fs::path(SQUALL_SHARED_DIR) / "corpus";
  if (!fs::exists(corpus / "index.json")) GTEST_SKIP() << "no corpus at " << corpus;
  const auto rejects = load_rejects();
  std::ifstream index_file(corpus / "index.json");
  int total = 0, parsed = 0, templates = 0;
  for (const auto& entry : nlohmann::json::parse(index_file)) {
    const std::string rel =
        (fs::path(entry["root"].get<std::string>()) / entry["name"].get<std::string>()).string();
    auto file = std::make_shared<const SourceFile>(rel, read_text(corpus / rel));
    ++templates;
    for (const Payload& p : scan(file->text())) {
      DiagnosticEngine diags;
      const bool ok = parse_payload(file, p, diags);
      const std::string key = rel + " " + std::to_string(p.range.begin) + " " + p.kind;
      const bool python_rejects = rejects.count(key) > 0;
      ++total;
      parsed += ok ? 1 : 0;
      EXPECT_EQ(ok, !python_rejects)
          << key << ": " << file->slice(p.range)
          << (diags.diagnostics().empty() ? ""
                                          : "\n  " + format_diagnostic(diags.diagnostics()[0]));
    }
  }
  std::printf("corpus: %d templates, %d payloads, %d parsed, %d rejected (CPython rejects %zu)\n",
              templates, total, parsed, total - parsed, rejects.size());
  EXPECT_EQ(total, 5473);
}

}  // namespace
}  // namespace squall::front::testing
