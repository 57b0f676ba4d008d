#include "lex/template_lexer.hpp"

#include "squall/detail/unicode.hpp"

namespace squall::front {
namespace {

using Offset = std::uint32_t;

Token make_token(TokenKind kind, SourceRange range, SourceRange content = {}) {
  Token token;
  token.kind = kind;
  token.range = range;
  token.content = content;
  return token;
}

// Lexer holds the scan position; each scan_* consumes one tag and appends its token.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    while (!done_) step();
    return std::move(tokens_);
  }

 private:
  Offset size() const { return static_cast<Offset>(text_.size()); }

  // find_tag_start returns where the next tag opens at or after pos_, or size() when the
  // input is exhausted (no `{`, or a `{` as the very last character).
  Offset find_tag_start() const {
    Offset curly = pos_;
    while (true) {
      const auto found = text_.find('{', curly);
      if (found == std::string_view::npos || found + 1 == text_.size()) return size();
      curly = static_cast<Offset>(found);
      const char next = text_[curly + 1];
      if (next != '{' && next != '%' && next != '#') {
        ++curly;
        continue;
      }
      // Innermost-brace rule: in a run of `{`, the last two open the tag.
      if (curly + 2 < size() && next == '{' && text_[curly + 2] == '{') {
        ++curly;
        continue;
      }
      return curly;
    }
  }

  void step() {
    const Offset start = find_tag_start();
    if (start > pos_) push(make_token(TokenKind::Text, {pos_, start}, {pos_, start}));
    pos_ = start;
    if (start == size()) {
      push(make_token(TokenKind::Eof, {start, start}));
      done_ = true;
      return;
    }
    const char kind = text_[start + 1];
    if (start + 2 < size() && text_[start + 2] == '!') {
      push(make_token(TokenKind::Text, {start, start + 3}, {start, start + 2}));
      pos_ = start + 3;
      return;
    }
    if (kind == '#') return scan_tag(TokenKind::Comment, "#}", LexError::MissingEndComment);
    if (kind == '{') return scan_tag(TokenKind::Expression, "}}", LexError::MissingEndExpression);
    scan_tag(TokenKind::Block, "%}", LexError::MissingEndBlock);
  }

  // scan_tag consumes an opener at pos_ up to the first `close`.
  void scan_tag(TokenKind kind, std::string_view close, LexError unclosed) {
    const Offset open = pos_;
    const auto found = text_.find(close, open + 2);
    if (found == std::string_view::npos) return fail(unclosed, {open, size()});
    const auto end = static_cast<Offset>(found) + 2;
    Token token = make_token(kind, {open, end}, trimmed({open + 2, end - 2}));
    pos_ = end;
    if (kind == TokenKind::Comment) return push(token);
    if (token.content.begin == token.content.end) {
      return fail(kind == TokenKind::Block ? LexError::EmptyBlock : LexError::EmptyExpression,
                  token.range);
    }
    if (kind == TokenKind::Block) split_operator(token);
    push(token);
  }

  SourceRange trimmed(SourceRange r) const {
    const std::string_view inner = text_.substr(r.begin, r.end - r.begin);
    const std::string_view stripped = detail::python_strip(inner);
    const auto begin = r.begin + static_cast<Offset>(stripped.data() - inner.data());
    return {begin, begin + static_cast<Offset>(stripped.size())};
  }

  // split_operator is Python's `contents.partition(" ")` followed by `suffix.strip()`.
  void split_operator(Token& token) const {
    const std::string_view content =
        text_.substr(token.content.begin, token.content.end - token.content.begin);
    const auto space = content.find(' ');
    if (space == std::string_view::npos) {
      token.op = token.content;
      token.suffix = {token.content.end, token.content.end};
      return;
    }
    const Offset at = token.content.begin + static_cast<Offset>(space);
    token.op = {token.content.begin, at};
    token.suffix = trimmed({at + 1, token.content.end});
  }

  void fail(LexError e, SourceRange range) {
    Token token = make_token(TokenKind::Error, range);
    token.error = e;
    push(token);
    done_ = true;
  }

  void push(Token token) { tokens_.push_back(token); }

  std::string_view text_;
  Offset pos_ = 0;
  bool done_ = false;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> lex_template(std::string_view text) {
  return Lexer(text).run();
}

std::string_view lex_error_message(LexError e) {
  switch (e) {
    case LexError::MissingEndExpression:
      return "Missing end expression }}";
    case LexError::MissingEndBlock:
      return "Missing end block %}";
    case LexError::MissingEndComment:
      return "Missing end comment #}";
    case LexError::EmptyExpression:
      return "Empty expression";
    case LexError::EmptyBlock:
      return "Empty block tag ({% %})";
    case LexError::None:
      break;
  }
  return "";
}

}  // namespace squall::front
