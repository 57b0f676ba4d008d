// The recursive-descent parser behind expr_parser.hpp (internal).
//
// One PythonParser reads one token vector. Grammar functions return null after the first
// error; only that first error is reported, so callers just propagate null. Recursion goes
// through DepthGuard, which turns nesting beyond kMaxExprDepth into a diagnostic.
#pragma once

#include <string>
#include <vector>

#include "expr/expr_lexer.hpp"
#include "expr/expr_parser.hpp"
#include "expr/expr_token.hpp"

namespace squall::front {

class PythonParser {
 public:
  PythonParser(const ExprParseInput& in, std::vector<ExprToken> tokens, bool statements);

  // -- ExprToken cursor.
  const ExprToken& peek(std::size_t ahead = 0) const;
  bool at(Tok kind) const { return peek().kind == kind; }
  const ExprToken& next();
  bool accept(Tok kind);
  /// expect consumes a `kind` token or reports "expected <what> but found <token>".
  bool expect(Tok kind, const char* what);
  std::uint32_t last_end() const { return last_end_; }
  bool failed() const { return failed_; }

  // -- Errors.
  void error(SourceRange range, std::string message);
  /// error_expected reports "expected <what> but found <current token>" at the current
  /// token, or the construct-specific message when the token is unsupported Python.
  void error_expected(const std::string& what);
  /// expect_end reports anything left before the End token.
  bool expect_end();

  // -- Expressions (Python grammar names).
  ExprPtr star_expressions();  // a, *b, c  (tuple when there is a comma)
  ExprPtr test();              // lambda / conditional / or_test
  ExprPtr or_test();
  ExprPtr target_list(bool stop_at_in);  // for-loop and comprehension targets
  /// check_target validates an assignment target ("cannot assign to ...").
  bool check_target(const Expr& e);

  // -- Statements (set bodies).
  bool statements(std::vector<StmtPtr>& out, bool block);

  /// DepthGuard counts nesting; `ok()` is false (and an error reported) past the limit.
  class DepthGuard {
   public:
    explicit DepthGuard(PythonParser& p);
    ~DepthGuard() { --p_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    bool ok() const { return ok_; }

   private:
    PythonParser& p_;
    bool ok_;
  };

  /// ChainGuard counts the nodes a loop wraps around its left operand (`a+b+c`, `x[0][0]`,
  /// `f()()`) as nesting levels, so a flat chain deepens the tree exactly as parentheses do
  /// and every later walker (sema, codegen, interpreter, destructors) stays within a bounded
  /// recursion. `wrap()` is false (and an error reported) past kMaxExprDepth.
  class ChainGuard {
   public:
    explicit ChainGuard(PythonParser& p) : p_(p) {}
    ~ChainGuard() { p_.depth_ -= levels_; }
    ChainGuard(const ChainGuard&) = delete;
    ChainGuard& operator=(const ChainGuard&) = delete;
    bool wrap();

   private:
    PythonParser& p_;
    int levels_ = 0;
    bool started_ = false;
  };

 private:
  ExprPtr lambda();
  ExprPtr and_test();
  ExprPtr not_test();
  ExprPtr comparison();
  ExprPtr binary_level(int level);
  ExprPtr factor();
  ExprPtr smallest_int();
  ExprPtr power();
  ExprPtr primary();
  ExprPtr atom();
  ExprPtr strings();
  ExprPtr paren();
  ExprPtr bracket();
  ExprPtr brace();
  ExprPtr star_or_test();
  ExprPtr call(ExprPtr func);
  ExprPtr subscript(ExprPtr value);
  ExprPtr slice_item();
  struct ArgumentOrder {
    bool seen_keyword = false;
    bool seen_double_star = false;
  };
  bool argument_head(const CallExpr& call, Argument& arg, ArgumentOrder& order);
  bool call_argument(CallExpr& call, ArgumentOrder& order);
  bool bare_generator(const CallExpr& call, Argument& arg);
  bool comprehension_clauses(std::vector<ComprehensionFor>& out);
  ExprPtr comprehension(std::uint32_t begin, ComprehensionKind kind, ExprPtr element, Tok close,
                        const char* close_text);
  ExprPtr sequence_rest(std::uint32_t begin, ExprKind kind, ExprPtr first, Tok close,
                        const char* close_text);
  ExprPtr dict_rest(std::uint32_t begin, ExprPtr key, ExprPtr value);
  bool lambda_param(LambdaExpr& lambda, bool& seen_default);

  StmtPtr statement();
  bool simple_statements(std::vector<StmtPtr>& out);
  StmtPtr small_statement();
  StmtPtr if_statement();
  bool suite(std::vector<StmtPtr>& out);
  StmtPtr assignment(ExprPtr first);
  StmtPtr aug_assignment(ExprPtr target);
  StmtPtr del_statement();
  /// check_del_target validates a `del` target ("cannot delete ...").
  bool check_del_target(const Expr& e);

  const ExprParseInput& in_;
  std::vector<ExprToken> tokens_;
  std::size_t pos_ = 0;
  std::uint32_t last_end_ = 0;
  int depth_ = 0;
  bool failed_ = false;
  bool statements_;
};

/// range_of spans from `begin` to the end of the last consumed token.
inline SourceRange span(std::uint32_t begin, std::uint32_t end) {
  return {begin, end};
}

/// expr_kind_name names an expression kind for messages ("function call", "literal").
std::string expr_description(const Expr& e);

}  // namespace squall::front
