// split_layout and plan_layout_use: which pieces of a unit use which locals, and whether a
// page's split matches its layout's.
#include "sema/layout_sharing.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "ast/expr_visit.hpp"
#include "ast/node_visit.hpp"
#include "sema/escape_choice.hpp"
#include "sema/scope_resolver.hpp"

namespace squall::front {
namespace {

constexpr int kBody = -1;  // the piece id of the layout's body; a part's is its block index

// Splitter walks a unit's code once, piece by piece, and records which piece uses each
// top-level local slot.
class Splitter {
 public:
  Splitter(const Unit& unit, LayoutParts& parts) : unit_(unit), parts_(parts) {
    for (const auto& [node, slots] : unit.apply_slots) {
      for (const int s : slots) apply_slots_.insert(s);
    }
    std::unordered_map<std::string, int> top;
    for (std::size_t s = 0; s < unit.slot_names.size(); ++s) {
      if (!apply_slots_.count(static_cast<int>(s))) top.emplace(unit.slot_names[s], s);
    }
    scopes_.push_back(std::move(top));
  }

  void run() {
    find_sites(unit_.root->body);
    if (!ok()) return;
    parts_.block_slots.resize(parts_.blocks.size());
    piece_ = kBody;
    body_ = true;
    nodes(unit_.root->body, *unit_.root);
    body_ = false;
    for (std::size_t i = 0; i < parts_.sites.size() && ok(); ++i) {
      piece_ = parts_.site_block[i];
      const auto& def = unit_.block_for(*parts_.sites[i]);
      nodes(def.node->body, *def.file);
    }
    for (const auto& [slot, piece] : owner_) {
      (piece == kBody ? parts_.body_slots : parts_.block_slots[static_cast<std::size_t>(piece)])
          .push_back(slot);
    }
    std::sort(parts_.body_slots.begin(), parts_.body_slots.end());
    for (auto& slots : parts_.block_slots) std::sort(slots.begin(), slots.end());
    // A part placed twice runs twice: its second run must not see the first one's locals.
    for (std::size_t b = 0; b < parts_.blocks.size(); ++b) {
      const auto sites = std::count(parts_.site_block.begin(), parts_.site_block.end(), b);
      if (sites > 1 && !parts_.block_slots[b].empty())
        refuse("block '" + parts_.blocks[b] + "' is placed twice and has locals");
    }
  }

 private:
  bool ok() const { return parts_.refused.empty(); }

  void refuse(std::string why) {
    if (ok()) parts_.refused = std::move(why);
  }

  std::string piece_name(int piece) const {
    return piece == kBody ? "the layout's body"
                          : "block '" + parts_.blocks[static_cast<std::size_t>(piece)] + "'";
  }

  // -- Sites: block tags of the body, and where they stand.

  void find_sites(const NodeList& list) {
    for (const auto& node : list) find_sites_in(*node, nullptr);
  }

  void find_sites_in(const Node& node, const char* enclosing) {
    if (node.kind == NodeKind::Block) {
      const auto& block = downcast<BlockNode>(node);
      if (enclosing) return refuse("block '" + block.name + "' is inside " + enclosing);
      const auto found = std::find(parts_.blocks.begin(), parts_.blocks.end(), block.name);
      parts_.site_block.push_back(static_cast<int>(found - parts_.blocks.begin()));
      if (found == parts_.blocks.end()) parts_.blocks.push_back(block.name);
      parts_.sites.push_back(&block);
      return;  // its body belongs to the part, not to the body
    }
    if (node.kind == NodeKind::Include) {
      // A site in an included file is a site of the body: its row's chain holds the
      // include tags, which the body's error annotation appends as the flattened one does.
      const Template& included = unit_.included(downcast<IncludeNode>(node));
      if (!has_block(included, 0)) return;
      if (!with_blocks_.insert(&included).second)
        return refuse("a file with blocks is included twice");
      for (const auto& child : included.body) find_sites_in(*child, enclosing);
      return;
    }
    const char* inner = enclosing;
    if (node.kind == NodeKind::For || node.kind == NodeKind::While) inner = "a loop";
    if (node.kind == NodeKind::Apply) inner = "an apply body";
    for_each_body(node, [&](const NodeList& body) {
      for (const auto& child : body) find_sites_in(*child, inner);
    });
  }

  // has_block tells whether `file` holds a block tag, in its includes too (memoized: an
  // include tree can be exponentially larger than its files).
  bool has_block(const Template& file, int depth) {
    if (const auto known = has_block_.find(&file); known != has_block_.end()) return known->second;
    const bool found = depth > kMaxTemplateDepth || has_block_in(file.body, depth);
    has_block_.emplace(&file, found);
    return found;
  }

  bool has_block_in(const NodeList& list, int depth) {
    for (const auto& node : list) {
      if (node->kind == NodeKind::Block) return true;
      if (node->kind == NodeKind::Include &&
          has_block(unit_.included(downcast<IncludeNode>(*node)), depth + 1))
        return true;
      bool found = false;
      for_each_body(*node,
                    [&](const NodeList& body) { found = found || has_block_in(body, depth); });
      if (found) return true;
    }
    return false;
  }

  // -- Uses of locals, piece by piece.

  void use(int slot) {
    if (slot < 0 || apply_slots_.count(slot)) return;
    const auto [it, fresh] = owner_.emplace(slot, piece_);
    if (!fresh && it->second != piece_) {
      refuse("local '" + unit_.slot_names[static_cast<std::size_t>(slot)] + "' is used by " +
             piece_name(it->second) + " and by " + piece_name(piece_));
    }
  }

  int visible(const std::string& name) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      const auto found = it->find(name);
      if (found != it->end()) return found->second;
    }
    return -1;
  }

  void expr(const Expr& e) {
    if (e.kind == ExprKind::Name) {
      const auto& n = downcast<NameExpr>(e);
      if (n.scope == NameScope::Local) use(n.slot);
      return;
    }
    for_each_child(e, [&](const Expr& child) { expr(child); });
  }

  void stmts(const std::vector<StmtPtr>& body) {
    for (const auto& stmt : body) {
      switch (stmt->kind) {
        case StmtKind::Assign: {
          const auto& s = downcast<AssignStmt>(*stmt);
          expr(*s.value);
          for (const auto& t : s.targets) expr(*t);
          break;
        }
        case StmtKind::AugAssign: {
          const auto& s = downcast<AugAssignStmt>(*stmt);
          expr(*s.target);
          expr(*s.value);
          break;
        }
        case StmtKind::Del:
          expr(*downcast<DelStmt>(*stmt).target);
          break;
        case StmtKind::Expr:
          expr(*downcast<ExprStmt>(*stmt).value);
          break;
        case StmtKind::If:
          for (const auto& b : downcast<IfStmt>(*stmt).branches) {
            if (b.condition) expr(*b.condition);
            stmts(b.body);
          }
          break;
        case StmtKind::Pass:
          break;
      }
    }
  }

  void nodes(const NodeList& list, const Template& file) {
    if (++depth_ > kMaxTemplateDepth * 4) {
      refuse("template nesting too deep");
    } else {
      for (const auto& node : list) {
        if (!ok()) break;
        node_uses(*node, file);
      }
    }
    --depth_;
  }

  void node_uses(const Node& node, const Template& file) {
    switch (node.kind) {
      case NodeKind::Expression: {
        expr(*downcast<ExpressionNode>(node).expr);
        // A local named like the escape function is what `{{ }}` escapes with.
        const std::string_view escape = escape_function(file);
        if (!escape.empty()) use(visible(std::string(escape)));
        return;
      }
      case NodeKind::Raw:
        return expr(*downcast<RawNode>(node).expr);
      case NodeKind::Module:
        return expr(*downcast<ModuleNode>(node).expr);
      case NodeKind::Set:
        return stmts(downcast<SetNode>(node).body);
      case NodeKind::Import:
        for (const auto& name : bound_names_of_import(downcast<ImportNode>(node)))
          use(visible(name));
        return;
      case NodeKind::Break:
      case NodeKind::Continue:
        if (!body_ && loops_ == 0) refuse("a break or continue in a block leaves it");
        return;
      case NodeKind::If:
        for (const auto& b : downcast<IfNode>(node).branches) {
          if (b.condition) expr(*b.condition);
          nodes(b.body, file);
        }
        return;
      case NodeKind::For: {
        const auto& n = downcast<ForNode>(node);
        expr(*n.iter);
        expr(*n.target);
        ++loops_;
        nodes(n.body, file);
        --loops_;
        return nodes(n.orelse, file);
      }
      case NodeKind::While: {
        const auto& n = downcast<WhileNode>(node);
        expr(*n.condition);
        ++loops_;
        nodes(n.body, file);
        --loops_;
        return nodes(n.orelse, file);
      }
      case NodeKind::Try: {
        const auto& n = downcast<TryNode>(node);
        nodes(n.body, file);
        for (const auto& h : n.handlers) {
          if (h.type) expr(*h.type);
          if (!h.name.empty()) use(visible(h.name));
          nodes(h.body, file);
        }
        nodes(n.orelse, file);
        return nodes(n.finalbody, file);
      }
      case NodeKind::Block: {
        // A block tag of the body is a site, a call (its part is walked as its own piece);
        // a block nested in a part is inlined there.
        if (body_) return;
        const auto& def = unit_.block_for(downcast<BlockNode>(node));
        return nodes(def.node->body, *def.file);
      }
      case NodeKind::Include: {
        const Template& included = unit_.included(downcast<IncludeNode>(node));
        // An included file uses the same slots each time it is walked in this piece and
        // scope: one walk is enough ("include twice" 30 levels deep is not 2**30 walks).
        if (!walked_.insert({&included, piece_, scopes_.size()}).second) return;
        return nodes(included.body, included);
      }
      case NodeKind::Apply: {
        const auto& n = downcast<ApplyNode>(node);
        if (n.pasted_body) use(n.pasted_body->slot);
        expr(*n.func);
        std::unordered_map<std::string, int> inner;
        if (const auto found = unit_.apply_slots.find(&n); found != unit_.apply_slots.end()) {
          for (const int s : found->second)
            inner.emplace(unit_.slot_names[static_cast<std::size_t>(s)], s);
        }
        scopes_.push_back(std::move(inner));
        const int loops = loops_;
        loops_ = 0;  // a nested function: its own loops
        nodes(n.body, file);
        loops_ = loops;
        scopes_.pop_back();
        return;
      }
      case NodeKind::Text:
      case NodeKind::Extends:
      case NodeKind::Autoescape:
      case NodeKind::Whitespace:
        return;
    }
  }

  const Unit& unit_;
  LayoutParts& parts_;
  std::unordered_set<int> apply_slots_;
  std::unordered_map<const Template*, bool> has_block_;
  std::unordered_set<const Template*> with_blocks_;           // included files holding sites
  std::vector<std::unordered_map<std::string, int>> scopes_;  // name -> slot, innermost last
  std::unordered_map<int, int> owner_;                        // slot -> piece
  std::set<std::tuple<const Template*, int, std::size_t>> walked_;
  int piece_ = kBody;
  bool body_ = false;  // walking the body (sites are calls), not a part
  int loops_ = 0;
  int depth_ = 0;
};

// PartDefs collects the definitions a block's part is made of: the winning definition of
// its name and, recursively, of the blocks nested in it (includes followed), each walked
// once (a tree of includes can be exponentially larger than its files). Two units whose
// definitions for a block are the same emit the same part for it.
class PartDefs {
 public:
  explicit PartDefs(const Unit& unit) : unit_(unit) {}

  // Each block name reached, with the file and offset of its winning definition.
  std::map<std::string, std::pair<std::string, std::uint32_t>> of(const std::string& name) {
    block(name);
    return std::move(defs_);
  }

 private:
  void block(const std::string& name) {
    const auto& def = unit_.blocks.at(name);
    if (!defs_.emplace(name, std::pair(def.file->file->name(), def.node->range.begin)).second)
      return;
    nodes(def.node->body);
  }

  void nodes(const NodeList& list) {
    for (const auto& node : list) {
      if (node->kind == NodeKind::Block) {
        block(downcast<BlockNode>(*node).name);
      } else if (node->kind == NodeKind::Include) {
        const Template& included = unit_.included(downcast<IncludeNode>(*node));
        if (files_.insert(&included).second) nodes(included.body);
      } else {
        for_each_body(*node, [&](const NodeList& body) { nodes(body); });
      }
    }
  }

  const Unit& unit_;
  std::map<std::string, std::pair<std::string, std::uint32_t>> defs_;
  std::unordered_set<const Template*> files_;
};

}  // namespace

LayoutParts split_layout(const Unit& unit) {
  LayoutParts parts;
  Splitter(unit, parts).run();
  return parts;
}

bool exports_layout(const Unit& unit, const LayoutParts& parts) {
  return unit.root == unit.files.front().get() && !parts.sites.empty() && parts.refused.empty();
}

std::optional<LayoutUse> plan_layout_use(const Unit& page, const Unit& layout,
                                         std::string& refused) {
  if (page.root == page.files.front().get()) {
    refused = "it extends no layout";
    return std::nullopt;
  }
  const LayoutParts own = split_layout(layout);
  if (!exports_layout(layout, own)) {
    refused = own.refused.empty() ? "the layout has no block" : "in the layout, " + own.refused;
    return std::nullopt;
  }
  LayoutUse use;
  use.layout = layout.name;
  use.parts = split_layout(page);
  if (!use.parts.refused.empty()) {
    refused = use.parts.refused;
    return std::nullopt;
  }
  if (use.parts.blocks != own.blocks || use.parts.site_block != own.site_block) {
    refused = "the layout's blocks differ from what the page sees";  // not expected
    return std::nullopt;
  }
  for (const auto& name : own.blocks)
    use.supplied.push_back(PartDefs(page).of(name) != PartDefs(layout).of(name));
  return use;
}

}  // namespace squall::front
