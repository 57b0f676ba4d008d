#include "ast/expr_dump.hpp"

#include <fmt/format.h>

namespace squall::front {

void append_json_string(std::string_view text, std::string& out) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<int>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

namespace {

const char* binary_spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Add:
      return "+";
    case BinaryOp::Sub:
      return "-";
    case BinaryOp::Mul:
      return "*";
    case BinaryOp::Div:
      return "/";
    case BinaryOp::FloorDiv:
      return "//";
    case BinaryOp::Mod:
      return "%";
    case BinaryOp::Pow:
      return "**";
    case BinaryOp::LShift:
      return "<<";
    case BinaryOp::RShift:
      return ">>";
    case BinaryOp::BitAnd:
      return "&";
    case BinaryOp::BitOr:
      return "|";
    case BinaryOp::BitXor:
      return "^";
  }
  return "?";
}

const char* compare_spelling(CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return "==";
    case CompareOp::NotEq:
      return "!=";
    case CompareOp::Lt:
      return "<";
    case CompareOp::LtE:
      return "<=";
    case CompareOp::Gt:
      return ">";
    case CompareOp::GtE:
      return ">=";
    case CompareOp::In:
      return "in";
    case CompareOp::NotIn:
      return "not-in";
    case CompareOp::Is:
      return "is";
    case CompareOp::IsNot:
      return "is-not";
  }
  return "?";
}

const char* unary_spelling(UnaryOp op) {
  switch (op) {
    case UnaryOp::Neg:
      return "neg";
    case UnaryOp::Pos:
      return "pos";
    case UnaryOp::Invert:
      return "invert";
    case UnaryOp::Not:
      return "not";
  }
  return "?";
}

void dump_optional(const ExprPtr& e, std::string& out) {
  if (e) {
    dump_expr(*e, out);
  } else {
    out += '_';
  }
}

void dump_constant(const ConstantExpr& c, std::string& out) {
  out += "(const ";
  switch (c.constant) {
    case ConstantKind::None:
      out += "None";
      break;
    case ConstantKind::Bool:
      out += c.bool_value ? "True" : "False";
      break;
    case ConstantKind::Int:
      out += std::to_string(c.int_value);
      break;
    case ConstantKind::Float: {
      std::string text = fmt::format("{}", c.float_value);
      if (text.find_first_of(".en") == std::string::npos) text += ".0";
      out += text;
      break;
    }
    case ConstantKind::Str:
      append_json_string(c.str_value, out);
      break;
  }
  out += ')';
}

void dump_list(const char* head, const std::vector<ExprPtr>& items, std::string& out) {
  out += '(';
  out += head;
  for (const auto& item : items) {
    out += ' ';
    dump_expr(*item, out);
  }
  out += ')';
}

void dump_call(const CallExpr& c, std::string& out) {
  out += "(call ";
  dump_expr(*c.func, out);
  for (const auto& arg : c.args) {
    out += ' ';
    switch (arg.kind) {
      case ArgKind::Positional:
        dump_expr(*arg.value, out);
        continue;
      case ArgKind::Keyword:
        out += "(kw " + arg.name + ' ';
        break;
      case ArgKind::Star:
        out += "(star ";
        break;
      case ArgKind::DoubleStar:
        out += "(dstar ";
        break;
    }
    dump_expr(*arg.value, out);
    out += ')';
  }
  out += ')';
}

void dump_compare(const CompareExpr& c, std::string& out) {
  out += "(compare ";
  dump_expr(*c.left, out);
  for (std::size_t i = 0; i < c.ops.size(); ++i) {
    out += ' ';
    out += compare_spelling(c.ops[i]);
    out += ' ';
    dump_expr(*c.comparators[i], out);
  }
  out += ')';
}

void dump_dict(const DictExpr& d, std::string& out) {
  out += "(dict";
  for (std::size_t i = 0; i < d.values.size(); ++i) {
    out += d.keys[i] ? " (: " : " (** ";
    if (d.keys[i]) {
      dump_expr(*d.keys[i], out);
      out += ' ';
    }
    dump_expr(*d.values[i], out);
    out += ')';
  }
  out += ')';
}

void dump_comprehension(const ComprehensionExpr& c, std::string& out) {
  static const char* const heads[] = {"(listcomp ", "(setcomp ", "(dictcomp ", "(genexp "};
  out += heads[static_cast<int>(c.comprehension)];
  if (c.key) {
    dump_expr(*c.key, out);
    out += ' ';
  }
  dump_expr(*c.element, out);
  for (const auto& clause : c.clauses) {
    out += " (for ";
    dump_expr(*clause.target, out);
    out += ' ';
    dump_expr(*clause.iter, out);
    for (const auto& cond : clause.conditions) {
      out += " (if ";
      dump_expr(*cond, out);
      out += ')';
    }
    out += ')';
  }
  out += ')';
}

void dump_lambda(const LambdaExpr& l, std::string& out) {
  out += "(lambda (params";
  for (const auto& p : l.params) {
    out += ' ';
    if (p.star) {
      out += "(* " + p.name + ')';
    } else if (p.double_star) {
      out += "(** " + p.name + ')';
    } else if (p.default_value) {
      out += "(= " + p.name + ' ';
      dump_expr(*p.default_value, out);
      out += ')';
    } else {
      out += p.name;
    }
  }
  out += ") ";
  dump_expr(*l.body, out);
  out += ')';
}

// Unary, binary, boolean and conditional operators.
void dump_operator(const Expr& e, std::string& out) {
  switch (e.kind) {
    case ExprKind::Unary: {
      const auto& u = static_cast<const UnaryExpr&>(e);
      out += fmt::format("({} ", unary_spelling(u.op));
      dump_expr(*u.operand, out);
      break;
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      out += fmt::format("({} ", binary_spelling(b.op));
      dump_expr(*b.left, out);
      out += ' ';
      dump_expr(*b.right, out);
      break;
    }
    case ExprKind::BoolOp: {
      const auto& b = static_cast<const BoolOpExpr&>(e);
      return dump_list(b.op == BoolOpKind::And ? "and" : "or", b.values, out);
    }
    default: {
      const auto& i = static_cast<const IfExpExpr&>(e);
      out += "(ifexp ";
      dump_expr(*i.test, out);
      out += ' ';
      dump_expr(*i.body, out);
      out += ' ';
      dump_expr(*i.orelse, out);
      break;
    }
  }
  out += ')';
}

// Attribute, subscript and slice nodes.
void dump_access(const Expr& e, std::string& out) {
  if (e.kind == ExprKind::Attribute) {
    const auto& a = static_cast<const AttributeExpr&>(e);
    out += "(attr ";
    dump_expr(*a.value, out);
    out += ' ' + a.attr + ')';
    return;
  }
  if (e.kind == ExprKind::Subscript) {
    const auto& s = static_cast<const SubscriptExpr&>(e);
    out += "(sub ";
    dump_expr(*s.value, out);
    out += ' ';
    dump_expr(*s.index, out);
    out += ')';
    return;
  }
  const auto& s = static_cast<const SliceExpr&>(e);
  out += "(slice ";
  dump_optional(s.lower, out);
  out += ' ';
  dump_optional(s.upper, out);
  out += ' ';
  dump_optional(s.step, out);
  out += ')';
}

}  // namespace

void dump_expr(const Expr& e, std::string& out) {
  switch (e.kind) {
    case ExprKind::Name:
      out += "(name " + static_cast<const NameExpr&>(e).name + ')';
      return;
    case ExprKind::Constant:
      return dump_constant(static_cast<const ConstantExpr&>(e), out);
    case ExprKind::Attribute:
    case ExprKind::Subscript:
    case ExprKind::Slice:
      return dump_access(e, out);
    case ExprKind::Call:
      return dump_call(static_cast<const CallExpr&>(e), out);
    case ExprKind::Unary:
    case ExprKind::Binary:
    case ExprKind::BoolOp:
    case ExprKind::IfExp:
      return dump_operator(e, out);
    case ExprKind::Compare:
      return dump_compare(static_cast<const CompareExpr&>(e), out);
    case ExprKind::Tuple:
      return dump_list("tuple", static_cast<const SequenceExpr&>(e).elements, out);
    case ExprKind::List:
      return dump_list("list", static_cast<const SequenceExpr&>(e).elements, out);
    case ExprKind::Set:
      return dump_list("set", static_cast<const SequenceExpr&>(e).elements, out);
    case ExprKind::Dict:
      return dump_dict(static_cast<const DictExpr&>(e), out);
    case ExprKind::Comprehension:
      return dump_comprehension(static_cast<const ComprehensionExpr&>(e), out);
    case ExprKind::Lambda:
      return dump_lambda(static_cast<const LambdaExpr&>(e), out);
    case ExprKind::Starred:
      out += "(starred ";
      dump_expr(*static_cast<const StarredExpr&>(e).value, out);
      out += ')';
      return;
  }
}

std::string dump_expr(const Expr& e) {
  std::string out;
  dump_expr(e, out);
  return out;
}

namespace {

void dump_body(const std::vector<StmtPtr>& body, std::string& out) {
  for (const auto& s : body) {
    out += ' ';
    dump_stmt(*s, out);
  }
}

}  // namespace

void dump_stmt(const Stmt& s, std::string& out) {
  switch (s.kind) {
    case StmtKind::Assign: {
      const auto& a = static_cast<const AssignStmt&>(s);
      out += "(assign";
      for (const auto& t : a.targets) {
        out += ' ';
        dump_expr(*t, out);
      }
      out += ' ';
      dump_expr(*a.value, out);
      break;
    }
    case StmtKind::AugAssign: {
      const auto& a = static_cast<const AugAssignStmt&>(s);
      out += fmt::format("(augassign {}= ", binary_spelling(a.op));
      dump_expr(*a.target, out);
      out += ' ';
      dump_expr(*a.value, out);
      break;
    }
    case StmtKind::Del:
      out += "(del ";
      dump_expr(*static_cast<const DelStmt&>(s).target, out);
      break;
    case StmtKind::Expr:
      out += "(expr ";
      dump_expr(*static_cast<const ExprStmt&>(s).value, out);
      break;
    case StmtKind::If:
      out += "(if-stmt";
      for (const auto& branch : static_cast<const IfStmt&>(s).branches) {
        out += branch.condition ? " (branch " : " (else";
        if (branch.condition) dump_expr(*branch.condition, out);
        dump_body(branch.body, out);
        out += ')';
      }
      break;
    case StmtKind::Pass:
      out += "(pass";
      break;
  }
  out += ')';
}

std::string dump_stmt(const Stmt& s) {
  std::string out;
  dump_stmt(s, out);
  return out;
}

}  // namespace squall::front
