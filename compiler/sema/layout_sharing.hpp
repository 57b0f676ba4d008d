// Inheritance without copies: when a page that extends a layout may call the layout's body,
// emitted once, instead of carrying a flattened copy of it.
//
// Tornado compiles a page and its layout into one Python function (sema/unit.hpp), so all
// their names share one scope. The C++ back end may instead split that function at the
// block tags of the layout's body ("sites"): the layout's body ("the body": its code
// outside the sites, with its includes) becomes one function, emitted in the layout's own
// generated file, and each site's winning block ("a part", with the blocks nested in it
// and its includes inlined) a function of its own, called through a table the page fills.
// That is the same as the flattened function exactly when:
//
// - every local variable is used (read, assigned, deleted, imported into, bound by
//   `except ... as`, read as an escape function) by one piece only, the body or one site's
//   part, so each function's own locals hold what the shared ones would;
// - no site is in a loop or an `apply` body, and no file holding sites is included twice:
//   a part then runs at most once per render (or holds no locals: a block placed twice),
//   in the body's own function scope;
// - no part holds a `break`/`continue` outside its own loops.
//
// Errors keep their location: a part's function annotates an error with its rows (the
// chain inside the part), and the body's function then appends the site's row, as the
// flattened function's chain through the block tag reads. The interpreter keeps
// flattening: it has no code size to save.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sema/unit.hpp"

namespace squall::front {

/// LayoutParts is a unit split at the sites of its root's body.
struct LayoutParts {
  /// The block tags in the root's body code (not inside other blocks; in files it includes
  /// too), in source order.
  std::vector<const BlockNode*> sites;
  /// site_block[i] is the table index of sites[i]: the index of its name in `blocks`.
  std::vector<int> site_block;
  /// The distinct names of the sites in first-site order: the layout's block table.
  std::vector<std::string> blocks;
  /// The top-level local slots each piece uses: body_slots for the body, block_slots[b] for
  /// the part of block b (slots of `apply` bodies are declared by those bodies).
  std::vector<int> body_slots;
  std::vector<std::vector<int>> block_slots;
  /// Why the unit cannot be split (the first reason met); empty when it can.
  std::string refused;
};

/// split_layout splits `unit` at its root's sites and checks the conditions above.
LayoutParts split_layout(const Unit& unit);

/// exports_layout tells whether `unit`'s generated file exports its body for pages: it
/// extends nothing, has at least one site and can be split.
bool exports_layout(const Unit& unit, const LayoutParts& parts);

/// LayoutUse is how a page calls its layout's body.
struct LayoutUse {
  /// The layout (the root of the page's extends chain) as a template name.
  std::string layout;
  /// The page's own split (its sites are the page unit's nodes).
  LayoutParts parts;
  /// supplied[b] tells that the page emits block b's function: its part differs from the
  /// layout's default (a block of the page or of an intermediate template wins at the site
  /// or at a site nested in it); otherwise the layout's own default runs.
  std::vector<bool> supplied;
};

/// LayoutChoice is what the code generator does with a page's layout: call its body (`use`)
/// or flatten it, as the interpreter does, for the reason in `refused` (empty when the
/// template extends nothing).
struct LayoutChoice {
  std::optional<LayoutUse> use;
  std::string refused;
};

/// plan_layout_use decides whether `page` can call the body of `layout` (the unit of its
/// root template, built on its own). Returns nullopt and sets `refused` when it cannot.
std::optional<LayoutUse> plan_layout_use(const Unit& page, const Unit& layout,
                                         std::string& refused);

}  // namespace squall::front
