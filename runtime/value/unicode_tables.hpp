// Unicode character classes and case mappings (generated tables) for str methods. Internal.
#pragma once

#include <cstddef>
#include <string>

namespace squall::rt {

/// CodeRange is an inclusive range of code points; tables are sorted and disjoint.
struct CodeRange {
  char32_t first, last;
};

/// CaseMapping maps one code point to up to three (0-padded), as Python's full case mapping.
struct CaseMapping {
  char32_t cp;
  char32_t to[3];
};

extern const CodeRange kAlpha[], kDecimal[], kDigit[], kNumeric[], kLower[], kUpper[], kTitle[],
    kSpace[], kCased[], kNonPrintable[], kCaseIgnorable[];
extern const std::size_t kAlphaCount, kDecimalCount, kDigitCount, kNumericCount, kLowerCount,
    kUpperCount, kTitleCount, kSpaceCount, kCasedCount, kNonPrintableCount, kCaseIgnorableCount;
extern const CaseMapping kUpperMap[], kLowerMap[], kTitleMap[], kFoldMap[];
extern const std::size_t kUpperMapCount, kLowerMapCount, kTitleMapCount, kFoldMapCount;

/// in_ranges tells whether `cp` is in the sorted range table.
bool in_ranges(const CodeRange* table, std::size_t count, char32_t cp);
/// is_printable is CPython's str.isprintable() for one code point.
bool is_printable(char32_t cp);
/// append_mapped appends the mapping of `cp` (or `cp` itself when unmapped).
void append_mapped(std::u32string& out, const CaseMapping* table, std::size_t count, char32_t cp);

}  // namespace squall::rt
