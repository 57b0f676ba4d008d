// Tokens of the Python subset inside template tags.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "source/source_loc.hpp"

namespace squall::front {

enum class Tok : std::uint8_t {
  // Structure.
  End,
  Newline,
  Indent,
  Dedent,
  // Atoms.
  Name,
  Int,
  Float,
  String,
  // Brackets and punctuation.
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Colon,
  Semicolon,
  Dot,
  Ellipsis,
  Arrow,
  Walrus,
  Assign,
  // Operators.
  Plus,
  Minus,
  Star,
  DoubleStar,
  Slash,
  DoubleSlash,
  Percent,
  At,
  Tilde,
  Amp,
  Pipe,
  Caret,
  LShift,
  RShift,
  Lt,
  Gt,
  LtE,
  GtE,
  EqEq,
  NotEq,
  // Augmented assignment.
  PlusEq,
  MinusEq,
  StarEq,
  DoubleStarEq,
  SlashEq,
  DoubleSlashEq,
  PercentEq,
  AtEq,
  AmpEq,
  PipeEq,
  CaretEq,
  LShiftEq,
  RShiftEq,
  // Keywords (Python 3 hard keywords).
  KwFalse,
  KwNone,
  KwTrue,
  KwAnd,
  KwAs,
  KwAssert,
  KwAsync,
  KwAwait,
  KwBreak,
  KwClass,
  KwContinue,
  KwDef,
  KwDel,
  KwElif,
  KwElse,
  KwExcept,
  KwFinally,
  KwFor,
  KwFrom,
  KwGlobal,
  KwIf,
  KwImport,
  KwIn,
  KwIs,
  KwLambda,
  KwNonlocal,
  KwNot,
  KwOr,
  KwPass,
  KwRaise,
  KwReturn,
  KwTry,
  KwWhile,
  KwWith,
  KwYield,
};

/// ExprToken is one lexeme with its absolute byte range in the template file. `text` is the
/// identifier for Name and the decoded UTF-8 value for String (adjacent literals are still
/// separate tokens; the parser joins them).
struct ExprToken {
  Tok kind = Tok::End;
  SourceRange range;
  std::string text;
  std::int64_t int_value = 0;
  double float_value = 0;
};

/// keyword_token returns the keyword kind spelled `word`, or Tok::Name when it is not one.
Tok keyword_token(std::string_view word);

/// token_spelling returns the fixed spelling of an operator or keyword ("'in'", "')'"), or
/// a description for the other kinds ("end of input", "line break").
std::string describe_token(const ExprToken& t);

}  // namespace squall::front
