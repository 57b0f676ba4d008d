// build_unit: Tornado's `_get_ancestors` + `find_named_blocks`, then scope resolution.
#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "sema/scope_resolver.hpp"
#include "sema/unit.hpp"

namespace squall::front {
namespace {

class UnitBuilder {
 public:
  UnitBuilder(TemplateProvider& provider, Unit& unit, DiagnosticEngine& diags)
      : provider_(provider), unit_(unit), diags_(diags) {}

  bool build(const std::string& name) {
    Template* loaded = load(name, nullptr, nullptr);
    if (!loaded) return false;
    std::vector<Template*> chain;
    if (!collect_ancestors(*loaded, chain)) return false;
    // Root first, so a child's block definitions overwrite its parent's.
    std::reverse(chain.begin(), chain.end());
    unit_.root = chain.front();
    for (Template* ancestor : chain) {
      if (!find_blocks(ancestor->body, *ancestor)) return false;
    }
    return true;
  }

 private:
  // Loads `name` as written in `tag` (a node of `parent`), or the unit's own template.
  Template* load(const std::string& name, const Template* parent, const Node* tag) {
    const std::string parent_name = parent ? parent->file->name() : std::string();
    const std::string resolved = provider_.resolve(name, parent_name);
    Diagnostic at;
    if (parent && tag) {
      at.file = parent->file;
      at.range = tag->range;
    }
    auto parsed = provider_.parse(resolved, diags_, parent && tag ? &at : nullptr);
    if (!parsed) return nullptr;
    unit_.files.push_back(std::move(parsed));
    return unit_.files.back().get();
  }

  bool too_deep(const Template& t, const Node& tag, const char* what) {
    if (stack_.size() < static_cast<std::size_t>(kMaxTemplateDepth) &&
        std::find(stack_.begin(), stack_.end(), t.file->name()) == stack_.end()) {
      return false;
    }
    std::string chain;
    for (const auto& n : stack_) chain += n + " -> ";
    diags_.error(t.file, tag.range,
                 std::string("RecursionError: ") + what + " cycle or chain deeper than " +
                     std::to_string(kMaxTemplateDepth) + ": " + chain + "...");
    return true;
  }

  // Tornado's _get_ancestors: every top-level extends is followed, in order.
  bool collect_ancestors(Template& t, std::vector<Template*>& chain) {
    chain.push_back(&t);
    stack_.push_back(t.file->name());
    for (const auto& node : t.body) {
      if (node->kind != NodeKind::Extends) continue;
      const auto& ext = static_cast<const ExtendsNode&>(*node);
      Template* parent = load(ext.path, &t, node.get());
      if (!parent) return false;
      if (too_deep(*parent, ext, "extends")) return false;
      if (!collect_ancestors(*parent, chain)) return false;
    }
    stack_.pop_back();
    return true;
  }

  // Tornado's find_named_blocks: every block anywhere (untaken branches and included
  // files too) registers itself; the last registration of a name wins.
  bool find_blocks(NodeList& nodes, Template& file) {
    for (auto& node : nodes) {
      if (!find_blocks_in(*node, file)) return false;
    }
    return true;
  }

  bool find_blocks_in(Node& node, Template& file) {
    switch (node.kind) {
      case NodeKind::Block: {
        auto& block = static_cast<BlockNode&>(node);
        register_block(block.name, {&block, &file});
        const BlockNode* outer = block_;
        block_ = &block;
        const bool ok = find_blocks(block.body, file);
        block_ = outer;
        return ok;
      }
      case NodeKind::Include:
        return find_blocks_in_include(static_cast<const IncludeNode&>(node), file);
      case NodeKind::If:
        for (auto& branch : static_cast<IfNode&>(node).branches) {
          if (!find_blocks(branch.body, file)) return false;
        }
        return true;
      case NodeKind::For: {
        auto& n = static_cast<ForNode&>(node);
        return find_blocks(n.body, file) && find_blocks(n.orelse, file);
      }
      case NodeKind::While: {
        auto& n = static_cast<WhileNode&>(node);
        return find_blocks(n.body, file) && find_blocks(n.orelse, file);
      }
      case NodeKind::Try: {
        auto& n = static_cast<TryNode&>(node);
        if (!find_blocks(n.body, file)) return false;
        for (auto& h : n.handlers) {
          if (!find_blocks(h.body, file)) return false;
        }
        return find_blocks(n.orelse, file) && find_blocks(n.finalbody, file);
      }
      case NodeKind::Apply: {
        auto& apply = static_cast<ApplyNode&>(node);
        const ApplyNode* outer = apply_;
        apply_ = &apply;
        const bool ok = find_blocks(apply.body, file);
        apply_ = outer;
        return ok;
      }
      case NodeKind::Text:
      case NodeKind::Expression:
      case NodeKind::Raw:
      case NodeKind::Module:
      case NodeKind::Set:
      case NodeKind::Import:
      case NodeKind::Break:
      case NodeKind::Continue:
      case NodeKind::Extends:
      case NodeKind::Autoescape:
      case NodeKind::Whitespace:
        return true;
    }
    return true;  // not reached: every kind returns above (no default, so -Wswitch sees new kinds)
  }

  // An included file is parsed and walked once per unit and function scope, however often
  // it is included: "include the next file twice" 30 levels deep is 30 parses, not 2**30.
  // Names are resolved into the tree per scope, so sharing stops at an apply body (its own
  // scope) and at a block definition (whose body runs wherever the block is placed).
  bool find_blocks_in_include(const IncludeNode& inc, Template& file) {
    const std::string resolved = provider_.resolve(inc.path, file.file->name());
    const SharedKey key{resolved, apply_, block_};
    const auto known = shared_.find(key);
    Template* included = known != shared_.end() ? known->second : load(inc.path, &file, &inc);
    if (!included) return false;
    stack_.push_back(file.file->name());
    if (too_deep(*included, inc, "include")) return false;
    unit_.includes[&inc] = included;
    bool ok = true;
    if (known != shared_.end()) {
      // Walked before: its block registrations happen again, in effect.
      for (const auto& [name, def] : effects_[included]) register_block(name, def);
    } else {
      shared_.emplace(key, included);
      recorders_.emplace_back();
      ok = find_blocks(included->body, *included);
      auto effect = std::move(recorders_.back());
      recorders_.pop_back();
      for (const auto& [name, def] : effect) register_block(name, def);
      effects_[included] = std::move(effect);
    }
    stack_.pop_back();
    return ok;
  }

  // register_block is Tornado's `named_blocks[name] = block`, also recorded as part of the
  // effect of walking the innermost included file.
  void register_block(const std::string& name, const BlockDefinition& def) {
    unit_.blocks[name] = def;
    if (!recorders_.empty()) recorders_.back()[name] = def;
  }

  using BlockEffect = std::unordered_map<std::string, BlockDefinition>;

  TemplateProvider& provider_;
  Unit& unit_;
  DiagnosticEngine& diags_;
  std::vector<std::string> stack_;    // names of the templates being followed
  const ApplyNode* apply_ = nullptr;  // the innermost apply body being walked
  const BlockNode* block_ = nullptr;  // the innermost block definition being walked
  using SharedKey = std::tuple<std::string, const ApplyNode*, const BlockNode*>;
  std::map<SharedKey, Template*> shared_;
  std::unordered_map<const Template*, BlockEffect> effects_;
  std::vector<BlockEffect> recorders_;  // one per included file being walked
};

}  // namespace

// read_unit_typed_args reads the loaded template's declaration. A declared argument the
// template assigns would be a local (Python's scoping), never the argument: an error.
static bool read_unit_typed_args(Unit& unit, DiagnosticEngine& diags) {
  auto typed = read_typed_args(*unit.files[0], diags);
  if (!typed) return false;
  bool ok = true;
  for (const auto& arg : typed->args) {
    if (std::find(unit.slot_names.begin(), unit.slot_names.end(), arg.name) !=
        unit.slot_names.end()) {
      diags.error(typed->file, arg.range,
                  "argument '" + arg.name + "' is declared but the template assigns it");
      ok = false;
    }
  }
  unit.typed = std::move(*typed);
  return ok;
}

std::unique_ptr<Unit> build_unit(TemplateProvider& provider, const std::string& name,
                                 DiagnosticEngine& diags) {
  auto unit = std::make_unique<Unit>();
  unit->name = name;
  UnitBuilder builder(provider, *unit, diags);
  if (!builder.build(name)) return nullptr;
  if (!resolve_scopes(*unit, diags)) return nullptr;
  if (!read_unit_typed_args(*unit, diags)) return nullptr;
  return unit;
}

}  // namespace squall::front
