#include "codegen/emitter.hpp"

#include "codegen/mangle.hpp"
#include "sema/escape_choice.hpp"

namespace squall::cg {

using namespace squall::front;  // NOLINT: internal file, the AST names are long enough

Emitter::Emitter(const Unit& unit, const CompileOptions& options, DiagnosticEngine& diags,
                 CppWriter& out)
    : unit_(unit), options_(options), diags_(diags), out_(&out), borrowing_(unit) {}

bool Emitter::emit_unit() {
  std::vector<int> top;
  std::vector<bool> in_apply(unit_.slot_names.size(), false);
  for (const auto& [node, slots] : unit_.apply_slots) {
    for (const int s : slots) in_apply[static_cast<std::size_t>(s)] = true;
  }
  for (std::size_t s = 0; s < unit_.slot_names.size(); ++s) {
    if (!in_apply[s]) top.push_back(static_cast<int>(s));
  }
  return emit_piece(unit_.root->body, *unit_.root, top, false);
}

bool Emitter::emit_piece(const NodeList& nodes, const Template& file, const std::vector<int>& slots,
                         bool own_numbering) {
  own_numbering_ = own_numbering;
  declare_locals(slots);
  enter_function(slots);
  emit_nodes(nodes, file);
  flush_text();
  return ok_;
}

void Emitter::call_blocks(const std::vector<const BlockNode*>& sites,
                          const std::vector<int>& indexes, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < sites.size(); ++i) {
    const int b = indexes[i];
    const std::string entry = "squall_blocks[" + std::to_string(b) + "]";
    call_sites_[sites[i]] = "(" + entry + " ? " + entry + " : &" +
                            mangle_block(unit_.name, b, names[static_cast<std::size_t>(b)]) + ")";
  }
}

// -- Emission helpers

int Emitter::line_at(const Template& file, SourceRange range) const {
  return file.file->line_of(range.begin);
}

std::string Emitter::file_path(const Template& file) const {
  return file.file->display_name();
}

std::string Emitter::escape_name(const Template& file) const {
  return std::string(front::escape_function(file));
}

int Emitter::intern_position(const std::string& name, int line, int via) {
  const auto key = std::make_tuple(name, line, via);
  const auto found = position_index_.find(key);
  if (found != position_index_.end()) return found->second;
  const int index = static_cast<int>(positions_.size());
  positions_.push_back({name, line, via});
  position_index_.emplace(key, index);
  return index;
}

int Emitter::position_of(const Template& file, SourceRange range) {
  const int via = via_.empty() ? -1 : via_.back();
  return intern_position(file.file->name(), line_at(file, range), via);
}

void Emitter::at(const Template& file, SourceRange range) {
  flush_text();
  current_file_ = &file;
  out_->map_source(file_path(file), line_at(file, range));
  out_->line("squall_pos = " + std::to_string(position_of(file, range)) + ";");
  // The statement after the position store gets the template line too: without this the
  // compiler counts on from the store, and a C++ diagnostic in the statement (a misspelled
  // field in typed code), a debugger's step or a profiler's line would name the template
  // line after it.
  out_->map_source(file_path(file), line_at(file, range));
}

void Emitter::push_via(const Template& file, SourceRange range) {
  const int via = via_.empty() ? -1 : via_.back();
  via_.push_back(intern_position(file.file->name(), line_at(file, range), via));
}

void Emitter::pop_via() {
  via_.pop_back();
}

void Emitter::flush_text() {
  if (pending_text_.empty()) return;
  out_->map_source(pending_file_, pending_line_);
  out_->line(buffer_ + ".append(" + cpp_string_literal(pending_text_, out_->indent_level()) + ", " +
             std::to_string(pending_text_.size()) + ");");
  pending_text_.clear();
}

void Emitter::emit_text(const TextNode& node, const Template& file) {
  if (node.text.empty()) return;
  if (pending_text_.empty()) {
    pending_file_ = file_path(file);
    pending_line_ = line_at(file, node.range);
  }
  pending_text_ += node.text;
}

const std::string& Emitter::NameTable::intern(const std::string& name,
                                              std::string (*mangle)(int, std::string_view)) {
  const auto found = index.find(name);
  if (found != index.end()) return entries[found->second].second;
  index.emplace(name, entries.size());
  entries.emplace_back(name, mangle(static_cast<int>(entries.size()), name));
  return entries.back().second;
}

const std::string& Emitter::global(const std::string& name) {
  return globals_.intern(name, mangle_global);
}

std::string Emitter::attr(const std::string& name) {
  return std::string(kAttrsObject) + "." + attrs_.intern(name, mangle_attr);
}

const std::string& Emitter::escaper(const std::string& name) {
  for (const auto& e : escapers_) {
    if (e.first == name) return e.second;
  }
  escapers_.emplace_back(name, mangle_escaper(static_cast<int>(escapers_.size()), name));
  return escapers_.back().second;
}

std::string Emitter::temp(std::string_view kind) {
  return mangle_temp(kind, temp_counter_++);
}

std::string Emitter::local_name(int slot) const {
  const std::string& name = unit_.slot_names[static_cast<std::size_t>(slot)];
  if (!own_numbering_) return mangle_local(slot, name);
  // Numbered in first-use order: the same whatever the unit numbers before this function.
  const auto it = local_numbers_.emplace(slot, static_cast<int>(local_numbers_.size())).first;
  return mangle_local(it->second, name);
}

std::string Emitter::read_local(int slot, const std::string& name, bool free) const {
  if (const auto found = borrowed_.find(slot); found != borrowed_.end()) {
    return "(*" + found->second + ")";
  }
  return std::string(free ? "squall::rt::free_local(" : "squall::rt::local(") + local_name(slot) +
         ", " + cpp_quoted(name) + ")";
}

void Emitter::declare_locals(const std::vector<int>& slots) {
  for (const int s : slots) out_->line("std::optional<squall::Value> " + local_name(s) + ";");
}

void Emitter::enter_function(const std::vector<int>& slots) {
  std::unordered_map<std::string, int> names;
  for (const int s : slots) names.emplace(unit_.slot_names[static_cast<std::size_t>(s)], s);
  functions_.push_back(std::move(names));
}

int Emitter::slot_of(const std::string& name) const {
  const auto found = functions_.back().find(name);
  return found == functions_.back().end() ? -1 : found->second;
}

int Emitter::visible_slot(const std::string& name) const {
  for (auto it = functions_.rbegin(); it != functions_.rend(); ++it) {
    const auto found = it->find(name);
    if (found != it->end()) return found->second;
  }
  return -1;
}

const std::string* Emitter::lookup_inner(const std::string& name) const {
  for (auto it = inner_.rbegin(); it != inner_.rend(); ++it) {
    const auto found = it->find(name);
    if (found != it->end()) return &found->second;
  }
  return nullptr;
}

void Emitter::unsupported(const Template& file, SourceRange range, const std::string& what) {
  diags_.error(file.file, range, "cannot compile to C++: " + what);
  ok_ = false;
}

std::string Emitter::unsupported_expr(const Expr& e, const std::string& what) {
  if (current_file_) unsupported(*current_file_, e.range, what);
  ok_ = false;
  return "squall::Value()";
}

// -- Dispatch

void Emitter::emit_nodes(const NodeList& nodes, const Template& file) {
  DepthGuard guard(*this);
  if (guard.too_deep()) {
    if (!nodes.empty()) unsupported(file, nodes.front()->range, "template nesting too deep");
    return;
  }
  for (const auto& node : nodes) {
    if (!ok_) return;
    current_file_ = &file;
    emit_node(*node, file);
  }
}

void Emitter::emit_node(const Node& node, const Template& file) {
  switch (node.kind) {
    case NodeKind::Text:
      return emit_text(static_cast<const TextNode&>(node), file);
    case NodeKind::Expression:
      return emit_expression(static_cast<const ExpressionNode&>(node), file);
    case NodeKind::Raw:
      return emit_raw(static_cast<const RawNode&>(node), file);
    case NodeKind::Module:
      return emit_module(static_cast<const ModuleNode&>(node), file);
    case NodeKind::Set:
      return emit_set(static_cast<const SetNode&>(node), file);
    case NodeKind::Import:
      return emit_import(static_cast<const ImportNode&>(node), file);
    case NodeKind::Break:
      return emit_jump(true);
    case NodeKind::Continue:
      return emit_jump(false);
    case NodeKind::If:
      return emit_if(static_cast<const IfNode&>(node), file);
    case NodeKind::For:
      return emit_for(static_cast<const ForNode&>(node), file);
    case NodeKind::While:
      return emit_while(static_cast<const WhileNode&>(node), file);
    case NodeKind::Try:
      return emit_try(static_cast<const TryNode&>(node), file);
    case NodeKind::Block:
      return emit_block(static_cast<const BlockNode&>(node), file);
    case NodeKind::Include:
      return emit_include(static_cast<const IncludeNode&>(node), file);
    case NodeKind::Apply:
      return emit_apply(static_cast<const ApplyNode&>(node), file);
    case NodeKind::Extends:     // followed by sema; only the root's body is emitted
    case NodeKind::Autoescape:  // a file-level setting, read through escape_name()
    case NodeKind::Whitespace:  // already applied to the text nodes
      return;
  }
}

}  // namespace squall::cg
