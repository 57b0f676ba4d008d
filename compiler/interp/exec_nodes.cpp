// The node walker: dispatch, output nodes (text, `{{ }}`, raw, module), error locations.
#include "interp/interpreter_impl.hpp"
#include "sema/escape_choice.hpp"
#include "squall/py.hpp"

namespace squall::interp {

using namespace front;

std::optional<Value>* Env::find_local(std::string_view name) {
  for (auto& [n, v] : vars) {
    if (n == name) return &v;
  }
  return nullptr;
}

Interpreter::Interpreter(const Unit& unit, const UnitPlan& plan, Frame& frame,
                         render::Globals& globals, std::optional<std::string_view> default_escape,
                         const squall::Namespace* import_modules)
    : unit_(unit),
      plan_(plan),
      frame_(frame),
      globals_(globals),
      default_escape_(default_escape),
      import_modules_(import_modules),
      locals_(frame.locals),
      global_cache_(frame.globals),
      via_(frame.via),
      applies_(frame.applies) {
  locals_.resize(unit.slot_names.size());
  global_cache_.assign(plan.globals.size(), nullptr);
  frame_.escapers.resize(plan.files.size());
  frame_.escaper_slots.assign(plan.files.size(), -1);
}

Interpreter::~Interpreter() {
  if (alive_) *alive_ = false;
  // Release the render's values now; keep the frame's capacity for the next render.
  locals_.clear();
  global_cache_.clear();
  frame_.escapers.clear();
  via_.clear();
  applies_.clear();
}

void Interpreter::run(std::string& out) {
  render::OutBuffer buffer(out);  // also flushed while an error unwinds
  out_ = &buffer;
  exec_nodes(unit_.root->body, *unit_.root);
  buffer.finish();
}

Flow Interpreter::exec_nodes(const NodeList& nodes, const Template& file) {
  for (const auto& node : nodes) {
    // The two commonest nodes without the dispatch call.
    if (node->kind == NodeKind::Text) {
      out_->append(static_cast<const TextNode&>(*node).text);
      continue;
    }
    if (node->kind == NodeKind::Expression) {
      exec_expression(static_cast<const ExpressionNode&>(*node), file);
      continue;
    }
    const Flow flow = exec_node(*node, file);
    if (flow != Flow::Normal) return flow;
  }
  return Flow::Normal;
}

Flow Interpreter::exec_node(const Node& node, const Template& file) {
  switch (node.kind) {
    case NodeKind::Text:
      out_->append(static_cast<const TextNode&>(node).text);
      return Flow::Normal;
    case NodeKind::Expression:
      exec_expression(static_cast<const ExpressionNode&>(node), file);
      return Flow::Normal;
    case NodeKind::Raw:
      exec_raw(static_cast<const RawNode&>(node), file);
      return Flow::Normal;
    case NodeKind::Module:
      exec_module(static_cast<const ModuleNode&>(node), file);
      return Flow::Normal;
    case NodeKind::Set:
      exec_set(static_cast<const SetNode&>(node), file);
      return Flow::Normal;
    case NodeKind::Import:
      exec_import(static_cast<const ImportNode&>(node), file);
      return Flow::Normal;
    case NodeKind::Break:
      return Flow::Break;
    case NodeKind::Continue:
      return Flow::Continue;
    case NodeKind::If:
      return exec_if(static_cast<const IfNode&>(node), file);
    case NodeKind::For:
      return exec_for(static_cast<const ForNode&>(node), file);
    case NodeKind::While:
      return exec_while(static_cast<const WhileNode&>(node), file);
    case NodeKind::Try:
      return exec_try(static_cast<const TryNode&>(node), file);
    case NodeKind::Block:
      return exec_block(static_cast<const BlockNode&>(node), file);
    case NodeKind::Include:
      return exec_include(static_cast<const IncludeNode&>(node), file);
    case NodeKind::Apply:
      exec_apply(static_cast<const ApplyNode&>(node), file);
      return Flow::Normal;
    case NodeKind::Extends:     // followed when the unit was built
    case NodeKind::Autoescape:  // a file-level setting (Template::autoescape)
    case NodeKind::Whitespace:  // applied by the parser
      return Flow::Normal;
  }
  return Flow::Normal;
}

render::Escaper& Interpreter::escaper_for(const Template& file, int& slot) {
  if (&file == last_file_) {
    slot = last_escaper_slot_;
    return *last_escaper_;
  }
  const std::size_t i = plan_.file_index(&file);
  if (i == plan_.files.size()) {  // not one of the unit's files: cannot happen
    throw_error("SystemError", "template file outside its unit");
  }
  auto& escaper = frame_.escapers[i];
  if (!escaper) {
    const std::string_view name = front::escape_function(file, default_escape_);
    if (!name.empty()) {
      auto& prepared = plan_.escape_names[i];
      if (!prepared) prepared = std::make_unique<render::GlobalName>(name);
      escaper.emplace(globals_, *prepared);
    } else {
      escaper.emplace(globals_);
    }
    if (escaper->enabled()) {
      const auto found = plan_.top_slots.find(escaper->name());
      if (found != plan_.top_slots.end()) frame_.escaper_slots[i] = found->second;
    }
  }
  last_file_ = &file;
  last_escaper_ = &*escaper;
  last_escaper_slot_ = frame_.escaper_slots[i];
  slot = last_escaper_slot_;
  return *escaper;
}

void Interpreter::exec_expression(const ExpressionNode& n, const Template& file) {
  at(file, n.range, [&] {
    int slot = last_escaper_slot_;
    render::Escaper& escaper = &file == last_file_ ? *last_escaper_ : escaper_for(file, slot);
    Value scratch;
    const Value& v = eval_ref(*n.expr, kNoEnv, scratch);
    // Inside an apply body the function's name may be one of the body's own locals.
    if (!applies_.empty() && escaper.enabled()) slot = slot_of(escaper.name());
    if (slot < 0) return escaper.append(*out_, v);
    // The escape function's name is a template local (Python reads the local).
    const auto& fn = locals_[static_cast<std::size_t>(slot)];
    if (!fn) render::raise_unbound_local(escaper.name());
    render::append_escaped(*out_, v, *fn, globals_);
  });
}

void Interpreter::exec_raw(const RawNode& n, const Template& file) {
  at(file, n.range, [&] {
    Value scratch;
    render::append_value(*out_, eval_ref(*n.expr, kNoEnv, scratch));
  });
}

// The module's leading name is left Unresolved by sema; eval_name looks it up on
// `_tt_modules`, which is Tornado's `_tt_modules.` + EXPR.
void Interpreter::exec_module(const ModuleNode& n, const Template& file) {
  at(file, n.range, [&] { render::append_value(*out_, eval(*n.expr, kNoEnv)); });
}

void Interpreter::annotate(Error& e, const Template& file, SourceRange range) const {
  std::vector<ErrorFrame> via(via_.rbegin(), via_.rend());
  render::annotate_error(e, file.file->name(), file.file->line_of(range.begin), via);
}

int Interpreter::slot_of(std::string_view name) const {
  for (auto a = applies_.rbegin(); a != applies_.rend(); ++a) {
    const auto found = unit_.apply_slots.find(*a);
    if (found == unit_.apply_slots.end()) continue;
    for (int slot : found->second) {
      if (unit_.slot_names[static_cast<std::size_t>(slot)] == name) return slot;
    }
  }
  const auto found = plan_.top_slots.find(name);
  return found == plan_.top_slots.end() ? -1 : found->second;
}

}  // namespace squall::interp
