// `{% import a.b as c, d %}` and `{% from a.b import c as d, e %}`.
#include "expr/python_parser.hpp"

namespace squall::front {

namespace {

// dotted_name: NAME ('.' NAME)*
bool dotted_name(PythonParser& p, std::string& out) {
  do {
    if (!p.at(Tok::Name)) {
      p.error_expected(out.empty() ? "a module name" : "a name after '.'");
      return false;
    }
    if (!out.empty()) out += '.';
    out += p.next().text;
  } while (p.accept(Tok::Dot));
  return true;
}

// ['as' NAME], filling `name.alias` and extending its range.
bool alias(PythonParser& p, ImportName& name) {
  if (!p.accept(Tok::KwAs)) return true;
  if (!p.at(Tok::Name)) {
    p.error_expected("a name after 'as'");
    return false;
  }
  name.alias = p.next().text;
  name.range.end = p.last_end();
  return true;
}

std::optional<PythonParser> make_parser(const ExprParseInput& in) {
  std::vector<ExprToken> tokens;
  if (!lex_python(in, {}, tokens)) return std::nullopt;
  return std::optional<PythonParser>(std::in_place, in, std::move(tokens), false);
}

// import_as_names: NAME ['as' NAME] (',' NAME ['as' NAME])*, optionally parenthesised.
bool import_as_names(PythonParser& p, ImportNode& node) {
  const bool parenthesised = p.accept(Tok::LParen);
  do {
    if (parenthesised && p.at(Tok::RParen)) break;
    if (!p.at(Tok::Name)) {
      p.error_expected("a name to import");
      return false;
    }
    ImportName name;
    name.range = p.peek().range;
    name.name = p.next().text;
    if (!alias(p, name)) return false;
    node.names.push_back(std::move(name));
  } while (p.accept(Tok::Comma));
  if (parenthesised && !p.expect(Tok::RParen, "',' or ')'")) return false;
  return p.expect_end();
}

}  // namespace

bool parse_import(const ExprParseInput& in, ImportNode& node) {
  auto p = make_parser(in);
  if (!p) return false;
  do {
    ImportName name;
    name.range.begin = p->peek().range.begin;
    if (!dotted_name(*p, name.name)) return false;
    name.range.end = p->last_end();
    if (!alias(*p, name)) return false;
    node.names.push_back(std::move(name));
  } while (p->accept(Tok::Comma));
  return p->expect_end();
}

bool parse_from_import(const ExprParseInput& in, ImportNode& node) {
  auto p = make_parser(in);
  if (!p) return false;
  if (p->at(Tok::Dot) || p->at(Tok::Ellipsis)) {
    p->error(p->peek().range, "unsupported Python syntax: relative import");
    return false;
  }
  if (!dotted_name(*p, node.from_module) || !p->expect(Tok::KwImport, "'import'")) return false;
  if (p->at(Tok::Star)) {
    p->error(p->peek().range, "unsupported Python syntax: 'from ... import *'");
    return false;
  }
  return import_as_names(*p, node);
}

}  // namespace squall::front
