#include "ast/ast_dump.hpp"

#include "ast/expr_dump.hpp"

namespace squall::front {
namespace {

const char* mode_name(WhitespaceMode m) {
  switch (m) {
    case WhitespaceMode::All:
      return "all";
    case WhitespaceMode::Single:
      return "single";
    case WhitespaceMode::Oneline:
      return "oneline";
  }
  return "all";
}

// Dumper writes nodes; `open` starts `(kind@line` on a fresh indented line.
class Dumper {
 public:
  explicit Dumper(const SourceFile& file) : file_(file) {}

  void node(const Node& n);
  void body(const NodeList& nodes) {
    ++depth_;
    for (const NodePtr& n : nodes) node(*n);
    --depth_;
  }
  std::string take() { return std::move(out_); }

  void open(const char* kind, SourceRange range) {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
    out_ += '(';
    out_ += kind;
    out_ += '@' + std::to_string(file_.line_of(range.begin));
  }
  void close() { out_ += ')'; }
  void expr(const ExprPtr& e) {
    out_ += ' ';
    if (e) {
      dump_expr(*e, out_);
    } else {
      out_ += '_';
    }
  }
  void str(std::string_view s) {
    out_ += ' ';
    append_json_string(s, out_);
  }
  void word(std::string_view w) {
    out_ += ' ';
    out_ += w;
  }
  // open_child / close_child bracket an intermediate part (`else`, `except`...).
  void open_child(const char* kind, SourceRange range) {
    ++depth_;
    open(kind, range);
  }
  void close_child() {
    close();
    --depth_;
  }
  void clause(const char* kind, SourceRange range, const NodeList& nodes) {
    open_child(kind, range);
    body(nodes);
    close_child();
  }
  std::string& raw() { return out_; }

 private:
  const SourceFile& file_;
  std::string out_;
  int depth_ = 0;
};

void dump_if(Dumper& d, const IfNode& n) {
  for (const IfBranch& b : n.branches) {
    d.open_child(b.condition ? "branch" : "else", b.range);
    if (b.condition) d.expr(b.condition);
    d.body(b.body);
    d.close_child();
  }
}

void dump_try(Dumper& d, const TryNode& n) {
  d.body(n.body);
  for (const ExceptClause& h : n.handlers) {
    d.open_child("except", h.range);
    d.expr(h.type);
    if (!h.name.empty()) d.str(h.name);
    d.body(h.body);
    d.close_child();
  }
  if (n.has_else) d.clause("else", n.else_range, n.orelse);
  if (n.has_finally) d.clause("finally", n.finally_range, n.finalbody);
}

void dump_import(Dumper& d, const ImportNode& n) {
  if (!n.from_module.empty()) d.str(n.from_module);
  for (const ImportName& name : n.names) {
    d.raw() += " (";
    append_json_string(name.name, d.raw());
    if (!name.alias.empty()) d.str(name.alias);
    d.raw() += ')';
  }
}

void dump_set(Dumper& d, const SetNode& n) {
  for (const StmtPtr& s : n.body) {
    d.raw() += ' ';
    dump_stmt(*s, d.raw());
  }
}

// dump_loop covers `for` and `while`: body, then `else` when there is one.
template <typename Loop>
void dump_loop(Dumper& d, const Loop& n) {
  d.body(n.body);
  if (n.else_range.end != 0) d.clause("else", n.else_range, n.orelse);
}

void Dumper::node(const Node& n) {
  switch (n.kind) {
    case NodeKind::Text: {
      const auto& t = static_cast<const TextNode&>(n);
      open("text", n.range);
      str(t.text);
      word(mode_name(t.mode));
      break;
    }
    case NodeKind::Expression:
      open("expr", n.range);
      expr(static_cast<const ExpressionNode&>(n).expr);
      break;
    case NodeKind::Raw:
      open("raw", n.range);
      expr(static_cast<const RawNode&>(n).expr);
      break;
    case NodeKind::Module:
      open("module", n.range);
      expr(static_cast<const ModuleNode&>(n).expr);
      break;
    case NodeKind::Set:
      open("set", n.range);
      dump_set(*this, static_cast<const SetNode&>(n));
      break;
    case NodeKind::Import: {
      const auto& i = static_cast<const ImportNode&>(n);
      open(i.from_module.empty() ? "import" : "from", n.range);
      dump_import(*this, i);
      break;
    }
    case NodeKind::Break:
      open("break", n.range);
      break;
    case NodeKind::Continue:
      open("continue", n.range);
      break;
    case NodeKind::If:
      open("if", n.range);
      dump_if(*this, static_cast<const IfNode&>(n));
      break;
    case NodeKind::For: {
      const auto& f = static_cast<const ForNode&>(n);
      open("for", n.range);
      expr(f.target);
      expr(f.iter);
      dump_loop(*this, f);
      break;
    }
    case NodeKind::While: {
      const auto& w = static_cast<const WhileNode&>(n);
      open("while", n.range);
      expr(w.condition);
      dump_loop(*this, w);
      break;
    }
    case NodeKind::Try:
      open("try", n.range);
      dump_try(*this, static_cast<const TryNode&>(n));
      break;
    case NodeKind::Block: {
      const auto& b = static_cast<const BlockNode&>(n);
      open("block", n.range);
      str(b.name);
      body(b.body);
      break;
    }
    case NodeKind::Extends:
      open("extends", n.range);
      str(static_cast<const ExtendsNode&>(n).path);
      break;
    case NodeKind::Include:
      open("include", n.range);
      str(static_cast<const IncludeNode&>(n).path);
      break;
    case NodeKind::Apply: {
      const auto& a = static_cast<const ApplyNode&>(n);
      open("apply", n.range);
      expr(a.func);
      body(a.body);
      break;
    }
    case NodeKind::Autoescape:
      open("autoescape", n.range);
      str(static_cast<const AutoescapeNode&>(n).name);
      break;
    case NodeKind::Whitespace:
      open("whitespace", n.range);
      word(mode_name(static_cast<const WhitespaceNode&>(n).mode));
      break;
  }
  close();
}

}  // namespace

std::string dump_template(const Template& t) {
  Dumper d(*t.file);
  d.raw() += "(template";
  d.str(t.file->name());
  if (t.autoescape) {
    d.raw() += " autoescape=";
    append_json_string(*t.autoescape, d.raw());
  } else {
    d.raw() += " autoescape=default";
  }
  d.body(t.body);
  d.raw() += ")\n";
  return d.take();
}

}  // namespace squall::front
