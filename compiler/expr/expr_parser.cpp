// Entry points for expressions, `for` headers and `except` headers.
#include "expr/expr_parser.hpp"

#include "expr/python_parser.hpp"

namespace squall::front {

namespace {

std::optional<PythonParser> make_parser(const ExprParseInput& in, bool allow_comments) {
  std::vector<ExprToken> tokens;
  ExprLexOptions options;
  options.allow_comments = allow_comments;
  if (!lex_python(in, options, tokens)) return std::nullopt;
  return std::optional<PythonParser>(std::in_place, in, std::move(tokens), false);
}

}  // namespace

ExprPtr parse_expression(const ExprParseInput& in, bool allow_tuple) {
  auto parser = make_parser(in, true);
  if (!parser) return nullptr;
  ExprPtr e = allow_tuple ? parser->star_expressions() : parser->test();
  if (!e || !parser->expect_end()) return nullptr;
  if (e->kind == ExprKind::Starred) {
    parser->error(e->range, "cannot use starred expression here");
    return nullptr;
  }
  return e;
}

ExprPtr parse_header_expression(const ExprParseInput& in) {
  auto parser = make_parser(in, false);
  if (!parser) return nullptr;
  ExprPtr e = parser->test();
  if (!e || !parser->expect_end()) return nullptr;
  return e;
}

// Tornado appends ':' to these headers, so a comment would swallow it.
std::optional<ForHeader> parse_for_header(const ExprParseInput& in) {
  auto parser = make_parser(in, false);
  if (!parser) return std::nullopt;
  ForHeader header;
  header.target = parser->target_list(true);
  if (!header.target || !parser->check_target(*header.target)) return std::nullopt;
  if (!parser->expect(Tok::KwIn, "'in'")) return std::nullopt;
  header.iter = parser->star_expressions();
  if (!header.iter || !parser->expect_end()) return std::nullopt;
  return header;
}

std::optional<ExceptHeader> parse_except_header(const ExprParseInput& in) {
  auto parser = make_parser(in, false);
  if (!parser) return std::nullopt;
  ExceptHeader header;
  if (parser->at(Tok::End)) return header;
  header.type = parser->test();
  if (!header.type) return std::nullopt;
  if (parser->at(Tok::Comma)) {
    parser->error(parser->peek().range, "multiple exception types must be parenthesized");
    return std::nullopt;
  }
  if (parser->accept(Tok::KwAs)) {
    if (!parser->at(Tok::Name)) {
      parser->error_expected("a name after 'as'");
      return std::nullopt;
    }
    header.name = parser->next().text;
  }
  if (!parser->expect_end()) return std::nullopt;
  return header;
}

}  // namespace squall::front
