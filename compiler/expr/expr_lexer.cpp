#include "expr/expr_lexer.hpp"

#include <fmt/format.h>
#include <charconv>

#include "expr/expr_string_literal.hpp"
#include "squall/detail/unicode.hpp"

namespace squall::front {

namespace {

struct OpSpelling {
  std::string_view text;
  Tok kind;
};

// Longest spellings first so the first match is the longest.
constexpr OpSpelling kOperators[] = {
    {"**=", Tok::DoubleStarEq},
    {"//=", Tok::DoubleSlashEq},
    {">>=", Tok::RShiftEq},
    {"<<=", Tok::LShiftEq},
    {"...", Tok::Ellipsis},
    {"**", Tok::DoubleStar},
    {"//", Tok::DoubleSlash},
    {"<<", Tok::LShift},
    {">>", Tok::RShift},
    {"<=", Tok::LtE},
    {">=", Tok::GtE},
    {"==", Tok::EqEq},
    {"!=", Tok::NotEq},
    {"->", Tok::Arrow},
    {":=", Tok::Walrus},
    {"+=", Tok::PlusEq},
    {"-=", Tok::MinusEq},
    {"*=", Tok::StarEq},
    {"/=", Tok::SlashEq},
    {"%=", Tok::PercentEq},
    {"@=", Tok::AtEq},
    {"&=", Tok::AmpEq},
    {"|=", Tok::PipeEq},
    {"^=", Tok::CaretEq},
    {"(", Tok::LParen},
    {")", Tok::RParen},
    {"[", Tok::LBracket},
    {"]", Tok::RBracket},
    {"{", Tok::LBrace},
    {"}", Tok::RBrace},
    {",", Tok::Comma},
    {":", Tok::Colon},
    {";", Tok::Semicolon},
    {".", Tok::Dot},
    {"+", Tok::Plus},
    {"-", Tok::Minus},
    {"*", Tok::Star},
    {"/", Tok::Slash},
    {"%", Tok::Percent},
    {"@", Tok::At},
    {"~", Tok::Tilde},
    {"&", Tok::Amp},
    {"|", Tok::Pipe},
    {"^", Tok::Caret},
    {"<", Tok::Lt},
    {">", Tok::Gt},
    {"=", Tok::Assign},
};

constexpr OpSpelling kKeywords[] = {
    {"False", Tok::KwFalse},
    {"None", Tok::KwNone},
    {"True", Tok::KwTrue},
    {"and", Tok::KwAnd},
    {"as", Tok::KwAs},
    {"assert", Tok::KwAssert},
    {"async", Tok::KwAsync},
    {"await", Tok::KwAwait},
    {"break", Tok::KwBreak},
    {"class", Tok::KwClass},
    {"continue", Tok::KwContinue},
    {"def", Tok::KwDef},
    {"del", Tok::KwDel},
    {"elif", Tok::KwElif},
    {"else", Tok::KwElse},
    {"except", Tok::KwExcept},
    {"finally", Tok::KwFinally},
    {"for", Tok::KwFor},
    {"from", Tok::KwFrom},
    {"global", Tok::KwGlobal},
    {"if", Tok::KwIf},
    {"import", Tok::KwImport},
    {"in", Tok::KwIn},
    {"is", Tok::KwIs},
    {"lambda", Tok::KwLambda},
    {"nonlocal", Tok::KwNonlocal},
    {"not", Tok::KwNot},
    {"or", Tok::KwOr},
    {"pass", Tok::KwPass},
    {"raise", Tok::KwRaise},
    {"return", Tok::KwReturn},
    {"try", Tok::KwTry},
    {"while", Tok::KwWhile},
    {"with", Tok::KwWith},
    {"yield", Tok::KwYield},
};

bool is_ascii_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Non-ASCII identifier characters: an approximation of XID_Continue that excludes
// whitespace and the common punctuation and symbol blocks.
bool is_identifier_code_point(char32_t cp) {
  if (detail::is_python_space(cp)) return false;
  if (cp >= 0x80 && cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // fullwidth punctuation
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  return cp != 0xFEFF;
}

class Lexer {
 public:
  Lexer(const ExprParseInput& in, const ExprLexOptions& opts, std::vector<ExprToken>& out)
      : in_(in),
        opts_(opts),
        text_(in.file->text()),
        pos_(in.range.begin),
        end_(in.range.end),
        out_(out) {
    indents_.push_back({opts.base_indent, opts.base_indent});
  }

  bool run() {
    while (ok_ && pos_ < end_) step();
    if (!ok_) return false;
    finish();
    return true;
  }

 private:
  struct Indent {
    int column;  // tabs to multiples of 8
    int alt;     // tabs count 1, for CPython's consistency check
  };

  void error(std::uint32_t begin, std::uint32_t end, std::string message) {
    if (!ok_) return;
    ok_ = false;
    in_.diags.error(in_.file, {begin, end}, std::move(message));
  }

  ExprToken& emit(Tok kind, std::uint32_t begin, std::uint32_t end) {
    ExprToken t;
    t.kind = kind;
    t.range = {begin, end};
    out_.push_back(std::move(t));
    return out_.back();
  }

  void step() {
    const char c = text_[pos_];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
      ++pos_;
    } else if (c == '#') {
      comment();
    } else if (c == '\\') {
      continuation();
    } else if (c == '\n') {
      ++pos_;
      if (brackets_ == 0) line_break(pos_ - 1);
    } else if (is_digit(c) || (c == '.' && pos_ + 1 < end_ && is_digit(text_[pos_ + 1]))) {
      number();
    } else if (c == '\'' || c == '"') {
      string(pos_, {});
    } else if (is_ascii_name_start(c) || static_cast<unsigned char>(c) >= 0x80) {
      name();
    } else {
      punctuation();
    }
  }

  // Only a comment on the text's last line can hide the code Tornado appends after it.
  void comment() {
    const std::uint32_t begin = pos_;
    while (pos_ < end_ && text_[pos_] != '\n') ++pos_;
    if (!opts_.allow_comments && pos_ == end_) {
      error(begin, pos_,
            "a comment is not allowed here: Tornado appends code after this text on the same "
            "line");
    }
  }

  void continuation() {
    if (pos_ + 1 < end_ && text_[pos_ + 1] == '\n') {
      pos_ += 2;
      return;
    }
    if (pos_ + 2 < end_ && text_[pos_ + 1] == '\r' && text_[pos_ + 2] == '\n') {
      pos_ += 3;
      return;
    }
    error(pos_, pos_ + 1, "unexpected character after line continuation character");
  }

  // At a line break outside brackets: skip blank and comment-only lines (CPython ignores
  // them), then end the logical line and, in statement mode, measure the indentation.
  void line_break(std::uint32_t newline) {
    Indent indent{0, 0};
    std::uint32_t p = pos_;
    while (p < end_) {
      const char c = text_[p];
      if (c == ' ') {
        ++indent.column, ++indent.alt, ++p;
      } else if (c == '\t') {
        indent.column = (indent.column / 8 + 1) * 8, ++indent.alt, ++p;
      } else if (c == '\f') {
        indent = {0, 0}, ++p;
      } else if (c == '\r') {
        ++p;
      } else if (c == '\n' || c == '#') {
        while (p < end_ && text_[p] != '\n') ++p;
        if (p < end_) ++p;
        indent = {0, 0};
      } else {
        break;
      }
    }
    pos_ = p;
    if (p >= end_) return;  // only blank lines follow: the logical line ends with the input
    emit(Tok::Newline, newline, newline + 1);
    if (opts_.statements) indentation(indent, p);
  }

  void indentation(Indent indent, std::uint32_t at) {
    const std::uint32_t line_start = static_cast<std::uint32_t>(text_.rfind('\n', at - 1) + 1);
    const auto fail = [&](std::string message) { error(line_start, at, std::move(message)); };
    if (indent.column > indents_.back().column) {
      if (indent.alt <= indents_.back().alt) return fail(kTabError);
      indents_.push_back(indent);
      emit(Tok::Indent, line_start, at);
      return;
    }
    while (indents_.size() > 1 && indent.column < indents_.back().column) {
      indents_.pop_back();
      emit(Tok::Dedent, at, at);
    }
    if (indent.column < indents_.back().column) {
      return fail(fmt::format(
          "this line is indented less than the first line of the statement, which Tornado's "
          "generated code places at column {}",
          opts_.base_indent + 1));
    }
    if (indent.column != indents_.back().column) {
      return fail("unindent does not match any outer indentation level");
    }
    if (indent.alt != indents_.back().alt) fail(kTabError);
  }

  static constexpr const char* kTabError = "inconsistent use of tabs and spaces in indentation";

  void finish() {
    if (opts_.statements && !out_.empty() && out_.back().kind != Tok::Newline) {
      emit(Tok::Newline, end_, end_);
    }
    while (indents_.size() > 1) {
      indents_.pop_back();
      emit(Tok::Dedent, end_, end_);
    }
    emit(Tok::End, end_, end_);
  }

  void name() {
    const std::uint32_t begin = pos_;
    while (pos_ < end_) {
      const char c = text_[pos_];
      if (is_ascii_name_start(c) || is_digit(c)) {
        ++pos_;
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x80) break;
      const auto decoded = detail::decode_utf8(text_.substr(0, end_), pos_);
      if (!decoded) return error(pos_, pos_ + 1, "invalid UTF-8 in expression");
      if (!is_identifier_code_point(decoded->code_point)) {
        if (pos_ == begin) return invalid_character(decoded->code_point, decoded->length);
        break;
      }
      pos_ += static_cast<std::uint32_t>(decoded->length);
    }
    const std::string_view word = text_.substr(begin, pos_ - begin);
    StringPrefix prefix;
    if (pos_ < end_ && (text_[pos_] == '\'' || text_[pos_] == '"') &&
        parse_string_prefix(word, prefix)) {
      return string(begin, prefix);
    }
    const Tok kind = keyword_token(word);
    ExprToken& t = emit(kind, begin, pos_);
    if (kind == Tok::Name) t.text = std::string(word);
  }

  void invalid_character(char32_t cp, std::size_t length) {
    error(pos_, pos_ + static_cast<std::uint32_t>(length),
          fmt::format("invalid character U+{:04X} in expression", static_cast<std::uint32_t>(cp)));
  }

  void string(std::uint32_t begin, const StringPrefix& prefix) {
    const std::uint32_t quote = pos_;
    StringScan scan = scan_string_literal(text_, quote, end_, prefix);
    if (!scan.error.empty()) return error(scan.error_begin, scan.error_end, scan.error);
    pos_ = scan.end;
    if (prefix.format) return error(begin, pos_, "unsupported Python syntax: f-string");
    if (prefix.bytes) return error(begin, pos_, "unsupported Python syntax: bytes literal");
    emit(Tok::String, begin, pos_).text = std::move(scan.value);
  }

  void punctuation() {
    const std::string_view rest = text_.substr(pos_, end_ - pos_);
    for (const auto& op : kOperators) {
      if (rest.substr(0, op.text.size()) != op.text) continue;
      if (op.kind == Tok::LParen || op.kind == Tok::LBracket || op.kind == Tok::LBrace) {
        ++brackets_;
      } else if ((op.kind == Tok::RParen || op.kind == Tok::RBracket || op.kind == Tok::RBrace) &&
                 brackets_ > 0) {
        --brackets_;
      }
      emit(op.kind, pos_, pos_ + static_cast<std::uint32_t>(op.text.size()));
      pos_ += static_cast<std::uint32_t>(op.text.size());
      return;
    }
    const char c = text_[pos_];
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return error(pos_, pos_ + 1,
                   fmt::format("invalid character U+{:04X} in expression", static_cast<int>(c)));
    }
    error(pos_, pos_ + 1, fmt::format("invalid character '{}' in expression", c));
  }

  void number();
  void prefixed_integer(char second);
  void decimal_number();
  bool digits(bool (*accept)(char), bool after_prefix);
  void integer_value(std::uint32_t begin, std::uint32_t digits_begin, int base);
  void float_value(std::uint32_t begin);
  bool number_suffix_ok(std::uint32_t begin);

  const ExprParseInput& in_;
  ExprLexOptions opts_;
  std::string_view text_;
  std::uint32_t pos_;
  std::uint32_t end_;
  std::vector<ExprToken>& out_;
  std::vector<Indent> indents_;
  int brackets_ = 0;
  bool ok_ = true;
};

bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_octal(char c) {
  return c >= '0' && c <= '7';
}
bool is_binary(char c) {
  return c == '0' || c == '1';
}
bool is_decimal(char c) {
  return is_digit(c);
}

// Reads digits accepted by `accept` with single underscores between them (after a base
// prefix an underscore may also come first, as in `0x_ff`). Returns false when none.
bool Lexer::digits(bool (*accept)(char), bool after_prefix) {
  bool any = false;
  while (pos_ < end_) {
    const char c = text_[pos_];
    if (c == '_' && (any || after_prefix) && pos_ + 1 < end_ && accept(text_[pos_ + 1])) {
      pos_ += 2;
      any = true;
    } else if (accept(c)) {
      ++pos_;
      any = true;
    } else {
      break;
    }
  }
  return any;
}

void Lexer::number() {
  const char second = pos_ + 1 < end_ ? static_cast<char>(text_[pos_ + 1] | 0x20) : 0;
  if (text_[pos_] == '0' && (second == 'x' || second == 'o' || second == 'b')) {
    return prefixed_integer(second);
  }
  decimal_number();
}

// 0x.., 0o.., 0b.. (`second` is the lower-cased prefix letter).
void Lexer::prefixed_integer(char second) {
  const std::uint32_t begin = pos_;
  pos_ += 2;
  bool (*accept)(char) = second == 'x' ? is_hex : second == 'o' ? is_octal : is_binary;
  const int base = second == 'x' ? 16 : second == 'o' ? 8 : 2;
  if (!digits(accept, true)) {
    const char* name = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
    return error(begin, pos_ + 1, fmt::format("invalid {} literal", name));
  }
  if (number_suffix_ok(begin)) integer_value(begin, begin + 2, base);
}

void Lexer::decimal_number() {
  const std::uint32_t begin = pos_;
  digits(is_decimal, false);
  bool is_float = false;
  if (pos_ < end_ && text_[pos_] == '.') {
    ++pos_;
    is_float = true;
    digits(is_decimal, false);
  }
  if (pos_ < end_ && (text_[pos_] | 0x20) == 'e') {
    const std::uint32_t e = pos_++;
    if (pos_ < end_ && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (!digits(is_decimal, false)) return error(begin, e + 1, "invalid decimal literal");
    is_float = true;
  }
  if (pos_ < end_ && (text_[pos_] | 0x20) == 'j') {
    return error(begin, pos_ + 1, "unsupported Python syntax: complex number literal");
  }
  if (!number_suffix_ok(begin)) return;
  if (is_float) return float_value(begin);
  const std::string_view spelled = text_.substr(begin, pos_ - begin);
  if (spelled.size() > 1 && spelled[0] == '0' && spelled.find_first_not_of("0_") != spelled.npos) {
    return error(begin, pos_,
                 "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                 "for octal integers");
  }
  integer_value(begin, begin, 10);
}

// A number directly followed by a name is an error unless the name is a keyword
// (CPython accepts `1if x else 2`).
bool Lexer::number_suffix_ok(std::uint32_t begin) {
  if (pos_ >= end_) return true;
  const char c = text_[pos_];
  if (c == '_' || is_digit(c)) {
    error(begin, pos_ + 1, "invalid decimal literal");
    return false;
  }
  if (!is_ascii_name_start(c) && static_cast<unsigned char>(c) < 0x80) return true;
  std::uint32_t p = pos_;
  while (p < end_ && (is_ascii_name_start(text_[p]) || is_digit(text_[p]))) ++p;
  if (keyword_token(text_.substr(pos_, p - pos_)) != Tok::Name) return true;
  error(begin, p, "invalid decimal literal");
  return false;
}

void Lexer::integer_value(std::uint32_t begin, std::uint32_t digits_begin, int base) {
  std::uint64_t value = 0;
  for (std::uint32_t p = digits_begin; p < pos_; ++p) {
    const char c = text_[p];
    if (c == '_') continue;
    const int d = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    // 2**63 itself is let through (as INT64_MIN) for the parser to accept after a minus.
    constexpr std::uint64_t kLimit = std::uint64_t{1} << 63;
    if (value > (kLimit - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base)) {
      return error(begin, pos_, "integer literal too large (Squall integers are 64-bit)");
    }
    value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
  }
  ExprToken& t = emit(Tok::Int, begin, pos_);
  t.int_value = static_cast<std::int64_t>(value);
  t.text = std::string(text_.substr(begin, pos_ - begin));
}

void Lexer::float_value(std::uint32_t begin) {
  std::string clean;
  for (std::uint32_t p = begin; p < pos_; ++p) {
    if (text_[p] != '_') clean += text_[p];
  }
  double value = 0;
  const auto result = std::from_chars(clean.data(), clean.data() + clean.size(), value);
  // Overflow gives inf in Python; from_chars reports out of range instead.
  if (result.ec == std::errc::result_out_of_range) {
    value = clean.find_first_of("123456789") == std::string::npos ? 0.0 : HUGE_VAL;
    const auto e = clean.find_first_of("eE");
    if (e != std::string::npos && clean.find('-', e) != std::string::npos) value = 0.0;
  }
  ExprToken& t = emit(Tok::Float, begin, pos_);
  t.float_value = value;
  t.text = std::string(text_.substr(begin, pos_ - begin));
}

}  // namespace

Tok keyword_token(std::string_view word) {
  for (const auto& k : kKeywords) {
    if (k.text == word) return k.kind;
  }
  return Tok::Name;
}

std::string describe_token(const ExprToken& t) {
  switch (t.kind) {
    case Tok::End:
      return "end of input";
    case Tok::Newline:
      return t.range.begin == t.range.end ? "end of input" : "line break";
    case Tok::Indent:
      return "indented line";
    case Tok::Dedent:
      return "end of indented block";
    case Tok::Name:
      return "'" + t.text + "'";
    case Tok::Int:
    case Tok::Float:
      return "number '" + t.text + "'";
    case Tok::String:
      return "string literal";
    default:
      break;
  }
  for (const auto& op : kOperators) {
    if (op.kind == t.kind) return fmt::format("'{}'", op.text);
  }
  for (const auto& k : kKeywords) {
    if (k.kind == t.kind) return fmt::format("'{}'", k.text);
  }
  return "token";
}

bool lex_python(const ExprParseInput& in, const ExprLexOptions& opts, std::vector<ExprToken>& out) {
  out.clear();
  return Lexer(in, opts, out).run();
}

}  // namespace squall::front
