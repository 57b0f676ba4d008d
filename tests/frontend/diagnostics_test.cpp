#include "diag/diagnostics.hpp"

#include <gtest/gtest.h>

namespace squall::front {
namespace {

std::shared_ptr<const SourceFile> file(std::string text) {
  return std::make_shared<const SourceFile>("t.html", std::move(text));
}

TEST(FormatDiagnostic, CaretUnderRange) {
  DiagnosticEngine diags;
  auto f = file("ab\n{% foo %}\n");
  diags.error(f, {6, 9}, "unknown operator: 'foo'");
  EXPECT_EQ(format_diagnostic(diags.diagnostics()[0]),
            "t.html:2:4: error: unknown operator: 'foo'\n"
            "   2 | {% foo %}\n"
            "     |    ^~~\n");
  EXPECT_TRUE(diags.has_errors());
  EXPECT_EQ(diags.error_count(), 1);
}

TEST(FormatDiagnostic, ColumnsCountCodePointsAndTabsKeepAlignment) {
  auto f = file("\xc3\xa9\t{{ }}");
  Diagnostic d{Severity::Error, f, {3, 8}, 0, "empty expression", {}};
  EXPECT_EQ(format_diagnostic(d),
            "t.html:1:3: error: empty expression\n"
            "   1 | \xc3\xa9\t{{ }}\n"
            "     |  \t^~~~~\n");
}

TEST(FormatDiagnostic, LineOverrideAndNotes) {
  auto f = file("{% foo\n\n %}");
  Diagnostic d{Severity::Error, f, {3, 6}, 3, "unknown operator: 'foo'", {}};
  d.notes.push_back({Severity::Note, f, {0, 2}, 0, "tag opened here", {}});
  EXPECT_EQ(format_diagnostic(d),
            "t.html:3:1: error: unknown operator: 'foo'\n"
            "   1 | {% foo\n"
            "     |    ^~~\n"
            "t.html:1:1: note: tag opened here\n"
            "   1 | {% foo\n"
            "     | ^~\n");
}

TEST(FormatDiagnostic, EmptyRangeAndRangeAcrossLines) {
  auto f = file("{{ a\nb");
  Diagnostic empty{Severity::Warning, f, {6, 6}, 0, "end", {}};
  EXPECT_EQ(format_diagnostic(empty), "t.html:2:2: warning: end\n   2 | b\n     |  ^\n");
  Diagnostic wide{Severity::Error, f, {0, 6}, 0, "wide", {}};
  EXPECT_EQ(format_diagnostic(wide), "t.html:1:1: error: wide\n   1 | {{ a\n     | ^~~~\n");
}

TEST(FormatDiagnostic, InvalidUtf8IsShownAsReplacement) {
  auto f = file("a\xff{");
  Diagnostic d{Severity::Error, f, {1, 2}, 0, "invalid UTF-8", {}};
  EXPECT_EQ(format_diagnostic(d),
            "t.html:1:2: error: invalid UTF-8\n   1 | a\xef\xbf\xbd{\n     |  ^\n");
}

TEST(FormatDiagnostic, NoFile) {
  Diagnostic d{Severity::Error, nullptr, {}, 0, "no such directory: x", {}};
  EXPECT_EQ(format_diagnostic(d), "error: no such directory: x\n");
}

TEST(DiagnosticEngine, WarningsAreNotErrorsAndClearResets) {
  DiagnosticEngine diags;
  diags.warning(file("x"), {0, 1}, "w");
  EXPECT_FALSE(diags.has_errors());
  diags.error(file("x"), {0, 1}, "e");
  EXPECT_EQ(diags.diagnostics().size(), 2u);
  diags.clear();
  EXPECT_TRUE(diags.diagnostics().empty());
  EXPECT_FALSE(diags.has_errors());
}

}  // namespace
}  // namespace squall::front
