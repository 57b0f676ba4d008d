#include "parse/parser.hpp"

#include <limits>

#include "diag/python_repr.hpp"
#include "expr/expr_parser.hpp"
#include "parse/parser_state.hpp"
#include "parse/whitespace_filter.hpp"
#include "squall/detail/unicode.hpp"

namespace squall::front {
namespace {

// kIntermediateParents is Tornado's `intermediate_blocks` table, in the order its
// messages print (Tornado prints a Python set, whose order varies per process).
struct Intermediate {
  std::string_view op;
  std::string_view parents_repr;
  std::string_view parents[4];
};
constexpr Intermediate kIntermediates[] = {
    {"else", "{'if', 'for', 'while', 'try'}", {"if", "for", "while", "try"}},
    {"elif", "{'if'}", {"if"}},
    {"except", "{'try'}", {"try"}},
    {"finally", "{'try'}", {"try"}},
};

const Intermediate* find_intermediate(std::string_view op) {
  for (const Intermediate& i : kIntermediates) {
    if (i.op == op) return &i;
  }
  return nullptr;
}

bool is_plain_text(const Token& t) {
  return t.kind == TokenKind::Text && t.range == t.content;
}

}  // namespace

WhitespaceMode default_whitespace_mode(std::string_view name) {
  return name.ends_with(".html") || name.ends_with(".js") ? WhitespaceMode::Single
                                                          : WhitespaceMode::All;
}

std::optional<WhitespaceMode> parse_whitespace_mode(std::string_view name) {
  if (name == "all") return WhitespaceMode::All;
  if (name == "single") return WhitespaceMode::Single;
  if (name == "oneline") return WhitespaceMode::Oneline;
  return std::nullopt;
}

Parser::Parser(std::shared_ptr<const SourceFile> file, const ParseOptions& options,
               DiagnosticEngine& diags)
    : file_(std::move(file)),
      diags_(diags),
      mode_(options.whitespace.value_or(default_whitespace_mode(file_->name()))) {
  template_.file = file_;
  template_.autoescape = options.autoescape;
}

std::optional<Template> Parser::run() {
  const std::string_view text = file_->text();
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    diags_.error(file_, {}, "template is too large (4 GiB or more)");
    return std::nullopt;
  }
  if (const auto bad = detail::first_invalid_utf8(text)) {
    const auto at = static_cast<std::uint32_t>(*bad);
    diags_.error(
        file_, {at, at + 1},
        "invalid UTF-8 at byte " + std::to_string(*bad) + ": templates must be UTF-8 text");
    return std::nullopt;
  }
  tokens_ = lex_template(text);
  const Token* stop = nullptr;
  parse_body(template_.body, nullptr, &stop);
  if (failed_) return std::nullopt;
  for (const Diagnostic& d : python_diags_.diagnostics()) diags_.report(d);
  if (python_diags_.has_errors()) return std::nullopt;
  return std::move(template_);
}

BodyEnd Parser::parse_body(NodeList& out, const OpenBlock* block, const Token** stop) {
  while (!failed_) {
    const Token& token = tokens_[next_++];
    *stop = &token;
    if (token.kind == TokenKind::Eof) {
      if (block) report_missing_end(*block);
      return failed_ ? BodyEnd::Failed : BodyEnd::End;
    }
    BodyEnd end = BodyEnd::Failed;
    if (!parse_token(token, out, block, &end)) return end;
  }
  return BodyEnd::Failed;
}

// parse_token handles one token; false when the body ends here (`*end` says why).
bool Parser::parse_token(const Token& token, NodeList& out, const OpenBlock* block, BodyEnd* end) {
  switch (token.kind) {
    case TokenKind::Text: {
      std::string text = filter_text_chunk(mode_, slice(token.content));
      if (!text.empty())
        out.push_back(std::make_unique<TextNode>(token.range, std::move(text), mode_));
      return true;
    }
    case TokenKind::Comment:
      return true;
    case TokenKind::Expression:
      out.push_back(std::make_unique<ExpressionNode>(token.range, expression(token.content, true)));
      return true;
    case TokenKind::Block:
      return parse_directive(token, out, block, end);
    case TokenKind::Error:
      report_lex_error(token);
      return false;
    case TokenKind::Eof:
      break;
  }
  return false;
}

// parse_directive dispatches `{% op ... %}`: intermediate tags and `end` end the current
// body; every other keyword has its own parse function (find_directive).
bool Parser::parse_directive(const Token& tag, NodeList& out, const OpenBlock* block,
                             BodyEnd* end) {
  const std::string_view op = slice(tag.op);
  if (find_intermediate(op)) {
    if (!check_intermediate(tag, op, block)) return false;
    *end = BodyEnd::Intermediate;
    return false;
  }
  if (op == "end") {
    if (!block) {
      fail(tag, tag.op, "Extra {% end %} block");
      return false;
    }
    *end = BodyEnd::End;
    return false;
  }
  if (const DirectiveFn parse = find_directive(op))
    return parse(*this, tag, out, block) && !failed_;
  Diagnostic& d = fail(tag, tag.op, "unknown operator: " + python_str_repr(op));
  if (op.starts_with("end") && op.size() > 3) {
    d.add_note("Tornado closes every block with '{% end %}', not '{% " + std::string(op) + " %}'");
  }
  return false;
}

bool Parser::check_intermediate(const Token& tag, std::string_view op, const OpenBlock* block) {
  const Intermediate& rule = *find_intermediate(op);
  if (!block) {
    fail(tag, tag.op, std::string(op) + " outside " + std::string(rule.parents_repr) + " block");
    return false;
  }
  for (const std::string_view parent : rule.parents) {
    if (parent == block->op) return true;
  }
  Diagnostic& d =
      fail(tag, tag.op,
           std::string(op) + " block cannot be attached to " + std::string(block->op) + " block");
  d.add_note("the innermost open block is this '" + std::string(block->op) + "'", file_,
             block->tag->op);
  return false;
}

std::optional<OpenBlock> Parser::open_block(const Token& tag, const OpenBlock* parent) {
  OpenBlock block{slice(tag.op), &tag, parent};
  block.depth = parent ? parent->depth + 1 : 1;
  if (block.depth > kMaxBlockDepth) {
    fail(tag, tag.op,
         "blocks nested too deeply (more than " + std::to_string(kMaxBlockDepth) + ")");
    return std::nullopt;
  }
  block.in_loop = parent && parent->in_loop;
  block.indent = parent ? parent->indent : 0;
  block.static_loops = parent ? parent->static_loops : 0;
  return block;
}

const Token* Parser::parse_block_clauses(const OpenBlock& block, NodeList& first,
                                         const ClauseFn& clause) {
  NodeList* body = &first;
  while (true) {
    const Token* stop = nullptr;
    const BodyEnd end = parse_body(*body, &block, &stop);
    if (end == BodyEnd::Failed || failed_) return nullptr;
    if (end == BodyEnd::End) return stop;
    NodeList* next = clause(*stop, slice(stop->op));
    // A clause the block rejects is a Python-level error: keep parsing into a scratch list
    // so the structural checks of the rest of the file still run.
    if (!next) next = &scratch_;
    body = next;
  }
}

Diagnostic& Parser::fail(const Token& tag, SourceRange range, std::string message) {
  failed_ = true;
  Diagnostic& d = diags_.error(file_, range, std::move(message));
  const int line = file_->line_of(tag.range.end);
  if (line != file_->line_of(range.begin)) d.line = line;
  return d;
}

Diagnostic& Parser::python_error(SourceRange range, std::string message) {
  return python_diags_.error(file_, range, std::move(message));
}

ExprPtr Parser::expression(SourceRange range, bool allow_tuple) {
  return parse_expression(expr_input(range), allow_tuple);
}

void Parser::report_lex_error(const Token& token) {
  failed_ = true;
  const std::string message(lex_error_message(token.error));
  const bool unclosed = token.error == LexError::MissingEndExpression ||
                        token.error == LexError::MissingEndBlock ||
                        token.error == LexError::MissingEndComment;
  if (unclosed) {
    Diagnostic& d = diags_.error(file_, {token.range.begin, token.range.begin + 2}, message);
    const std::string_view opener = slice({token.range.begin, token.range.begin + 2});
    const std::string_view closer = opener == "{{" ? "}}" : opener == "{%" ? "%}" : "#}";
    d.add_note("no '" + std::string(closer) + "' follows this '" + std::string(opener) +
               "' in the rest of the file");
    return;
  }
  Diagnostic& d = diags_.error(file_, token.range, message);
  const int line = file_->line_of(token.range.end);
  if (line != file_->line_of(token.range.begin)) d.line = line;
}

void Parser::report_missing_end(const OpenBlock& block) {
  const Token* last = nullptr;
  for (std::size_t i = next_; i-- > 0;) {
    if (!is_plain_text(tokens_[i]) && tokens_[i].kind != TokenKind::Eof) {
      last = &tokens_[i];
      break;
    }
  }
  // Tornado's line is where its reader stopped: the end of the last tag,
  // never the trailing text.
  const std::string op(block.op);
  Diagnostic& d = fail(*last, last->range, "Missing {% end %} block for " + op);
  if (last != block.tag) {
    d.add_note("'" + op + "' block opened here", file_, block.tag->range);
  }
}

// Python's compiler limits the generated code: at most 20 nested loops and `try`s, and
// at most 100 indentation levels (the function body is one, every if/for/while/try/apply
// adds one). Reported once, at the tag that crosses the limit.
void Parser::check_python_nesting(const Token& tag, const OpenBlock& block) {
  constexpr int kMaxStaticBlocks = 20;
  constexpr int kMaxIndent = 98;
  if (block.static_loops == kMaxStaticBlocks + 1) {
    python_error(tag.op, "too many nested 'for', 'while' and 'try' blocks (Python allows " +
                             std::to_string(kMaxStaticBlocks) + ")");
  }
  if (block.indent == kMaxIndent + 1) {
    python_error(tag.op, "blocks nested too deeply for Python (at most " +
                             std::to_string(kMaxIndent) +
                             " levels of 'if', 'for', 'while', 'try' and 'apply')");
  }
}

std::optional<Template> parse_template(std::shared_ptr<const SourceFile> file,
                                       const ParseOptions& options, DiagnosticEngine& diags) {
  return Parser(std::move(file), options, diags).run();
}

}  // namespace squall::front
