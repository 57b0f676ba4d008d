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

// Form is how one node kind prints: its head word and what follows it (after `@line`).
struct Form {
  NodeKind kind;
  const char* head;
  void (*rest)(Dumper& d, const Node& n);
};

template <typename T>
const T& as(const Node& n) {
  return static_cast<const T&>(n);
}

const Form kForms[] = {
    {NodeKind::Text, "text",
     [](Dumper& d, const Node& n) {
       d.str(as<TextNode>(n).text);
       d.word(mode_name(as<TextNode>(n).mode));
     }},
    {NodeKind::Expression, "expr",
     [](Dumper& d, const Node& n) { d.expr(as<ExpressionNode>(n).expr); }},
    {NodeKind::Raw, "raw", [](Dumper& d, const Node& n) { d.expr(as<RawNode>(n).expr); }},
    {NodeKind::Module, "module", [](Dumper& d, const Node& n) { d.expr(as<ModuleNode>(n).expr); }},
    {NodeKind::Set, "set", [](Dumper& d, const Node& n) { dump_set(d, as<SetNode>(n)); }},
    {NodeKind::Import, "import",
     [](Dumper& d, const Node& n) { dump_import(d, as<ImportNode>(n)); }},
    {NodeKind::Break, "break", [](Dumper&, const Node&) {}},
    {NodeKind::Continue, "continue", [](Dumper&, const Node&) {}},
    {NodeKind::If, "if", [](Dumper& d, const Node& n) { dump_if(d, as<IfNode>(n)); }},
    {NodeKind::For, "for",
     [](Dumper& d, const Node& n) {
       d.expr(as<ForNode>(n).target);
       d.expr(as<ForNode>(n).iter);
       dump_loop(d, as<ForNode>(n));
     }},
    {NodeKind::While, "while",
     [](Dumper& d, const Node& n) {
       d.expr(as<WhileNode>(n).condition);
       dump_loop(d, as<WhileNode>(n));
     }},
    {NodeKind::Try, "try", [](Dumper& d, const Node& n) { dump_try(d, as<TryNode>(n)); }},
    {NodeKind::Block, "block",
     [](Dumper& d, const Node& n) {
       d.str(as<BlockNode>(n).name);
       d.body(as<BlockNode>(n).body);
     }},
    {NodeKind::Extends, "extends",
     [](Dumper& d, const Node& n) { d.str(as<ExtendsNode>(n).path); }},
    {NodeKind::Include, "include",
     [](Dumper& d, const Node& n) { d.str(as<IncludeNode>(n).path); }},
    {NodeKind::Apply, "apply",
     [](Dumper& d, const Node& n) {
       d.expr(as<ApplyNode>(n).func);
       d.body(as<ApplyNode>(n).body);
     }},
    {NodeKind::Autoescape, "autoescape",
     [](Dumper& d, const Node& n) { d.str(as<AutoescapeNode>(n).name); }},
    {NodeKind::Whitespace, "whitespace",
     [](Dumper& d, const Node& n) { d.word(mode_name(as<WhitespaceNode>(n).mode)); }},
};

void Dumper::node(const Node& n) {
  for (const Form& form : kForms) {
    if (form.kind != n.kind) continue;
    const bool from = n.kind == NodeKind::Import && !as<ImportNode>(n).from_module.empty();
    open(from ? "from" : form.head, n.range);
    form.rest(*this, n);
    close();
    return;
  }
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
