// Internal to the parser: the state shared by the per-directive parse functions.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lex/template_lexer.hpp"
#include "parse/parser.hpp"

namespace squall::front {

/// OpenBlock is one enclosing `{% %}` block while its body is parsed; `parent` links to
/// the next one out. `in_loop` says whether `break`/`continue` are allowed (Tornado passes
/// it through `if`, `try` and `block`, sets it in `for`/`while`, clears it in `apply`).
struct OpenBlock {
  std::string_view op;
  const Token* tag = nullptr;
  const OpenBlock* parent = nullptr;
  bool in_loop = false;
  int depth = 0;         // number of open blocks including this one
  int indent = 0;        // Python indentation levels the generated code would use
  int static_loops = 0;  // enclosing for/while/try: Python allows 20
};

/// BodyEnd is why parse_body returned: at `{% end %}`, at an intermediate tag of the
/// enclosing block (`else`, `elif`, `except`, `finally`), or after a structural error.
enum class BodyEnd { End, Intermediate, Failed };

/// Clause is what a block's body-splitting callback receives for each intermediate tag;
/// it returns where the following body goes (or null after reporting a problem).
using ClauseFn = std::function<NodeList*(const Token& tag, std::string_view op)>;

class Parser {
 public:
  Parser(std::shared_ptr<const SourceFile> file, const ParseOptions& options,
         DiagnosticEngine& diags);

  std::optional<Template> run();

  // -- Used by the directive parsers (parse_directives.cpp, parse_blocks.cpp).

  /// parse_body appends nodes to `out` until `{% end %}`, an intermediate tag, the end of
  /// the input (an error inside a block) or an error. `*stop` is the tag it stopped at.
  BodyEnd parse_body(NodeList& out, const OpenBlock* block, const Token** stop);
  /// parse_block_clauses parses the body of block `block` into `first`, handing every
  /// intermediate tag to `clause`; returns the closing `{% end %}` tag, or null after a
  /// structural error.
  const Token* parse_block_clauses(const OpenBlock& block, NodeList& first, const ClauseFn& clause);
  /// open_block makes the context for the body of `tag` nested in `parent`, or reports the
  /// depth limit.
  std::optional<OpenBlock> open_block(const Token& tag, const OpenBlock* parent);

  /// fail reports a structural (Tornado ParseError) error at `range`, with Tornado's line
  /// being the line where `tag` ends; parsing stops.
  Diagnostic& fail(const Token& tag, SourceRange range, std::string message);
  /// python_error reports an error Tornado leaves to Python's compiler; collected and
  /// reported only when the file has no structural error, as Tornado would never get there.
  Diagnostic& python_error(SourceRange range, std::string message);
  bool failed() const { return failed_; }
  /// check_python_nesting reports nesting Python's compiler rejects in the generated code.
  void check_python_nesting(const Token& tag, const OpenBlock& block);

  ExprPtr expression(SourceRange range, bool allow_tuple);
  ExprParseInput expr_input(SourceRange range) { return {file_, range, python_diags_}; }

  std::string_view slice(SourceRange r) const { return file_->slice(r); }
  const std::shared_ptr<const SourceFile>& file() const { return file_; }
  Template& result() { return template_; }
  void set_whitespace(WhitespaceMode m) { mode_ = m; }

 private:
  bool parse_token(const Token& token, NodeList& out, const OpenBlock* block, BodyEnd* end);
  bool parse_directive(const Token& token, NodeList& out, const OpenBlock* block, BodyEnd* end);
  bool check_intermediate(const Token& tag, std::string_view op, const OpenBlock* block);
  void report_lex_error(const Token& token);
  void report_missing_end(const OpenBlock& block);

  std::shared_ptr<const SourceFile> file_;
  DiagnosticEngine& diags_;
  DiagnosticEngine python_diags_;
  std::vector<Token> tokens_;
  std::size_t next_ = 0;
  WhitespaceMode mode_;
  Template template_;
  NodeList scratch_;  // bodies of clauses rejected with a Python-level error
  bool failed_ = false;
};

/// DirectiveFn parses one `{% op ... %}` tag (and, for blocks, its body up to `{% end %}`)
/// into `out`; false after a structural error. `block` is the enclosing open block.
using DirectiveFn = bool (*)(Parser& p, const Token& tag, NodeList& out, const OpenBlock* block);

/// find_directive returns the parser for a directive keyword, or null for an unknown one.
/// Intermediate tags and `end` are handled by the body loop, not here.
DirectiveFn find_directive(std::string_view op);

}  // namespace squall::front
