// A compiled unit: everything one loaded template renders, resolved once for both back ends.
//
// Tornado compiles each loaded template into one Python function: the root ancestor's body,
// with every `{% block %}` replaced by its winning definition and every `{% include %}`
// inlined. A Unit is that function's shape: it owns fresh parses of every file it uses
// (so name slots written into the AST belong to this unit alone), the flat block table,
// the resolved includes, and the local-variable slots.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ast/ast.hpp"
#include "diag/diagnostics.hpp"
#include "sema/typed_args.hpp"

namespace squall::front {

/// TemplateProvider resolves template names and parses template files for unit building.
/// Implementations: a folder on disk (Tornado's Loader) and an in-memory map (DictLoader).
class TemplateProvider {
 public:
  virtual ~TemplateProvider() = default;
  /// resolve turns `name` as written in a tag of template `parent` into a template name,
  /// as Tornado's loader does (relative to the parent's folder). `parent` is empty for the
  /// template being loaded.
  virtual std::string resolve(std::string_view name, std::string_view parent) const = 0;
  /// parse reads and parses template `name` (already resolved). On failure it reports to
  /// `diags` (at `from`, the tag that asked for it, when given) and returns null.
  virtual std::unique_ptr<Template> parse(const std::string& name, DiagnosticEngine& diags,
                                          const Diagnostic* from) = 0;
};

/// BlockDefinition is the winning definition of a block name and the file it was written
/// in (whose autoescape setting applies inside it).
struct BlockDefinition {
  BlockNode* node = nullptr;
  Template* file = nullptr;
};

/// Unit: see the file comment. Nodes reachable from `root` through blocks and includes are
/// the unit's code; content of child templates outside blocks is not.
struct Unit {
  std::string name;
  /// Every file the unit uses; files[0] is the loaded template. Owned here.
  std::vector<std::unique_ptr<Template>> files;
  /// The skeleton: the root of the last `extends` chain, or files[0] without extends.
  Template* root = nullptr;
  std::unordered_map<std::string, BlockDefinition> blocks;
  std::unordered_map<const IncludeNode*, Template*> includes;
  /// Names of the local slots (NameExpr::slot indexes this); a name assigned inside an
  /// `apply` body gets its own slot, distinct from the same name outside.
  std::vector<std::string> slot_names;
  /// Slots local to each apply body: unbound again every time the body runs.
  std::unordered_map<const ApplyNode*, std::vector<int>> apply_slots;
  /// The argument types files[0] declares (sema/typed_args.hpp), for the C++ back end.
  TypedArgs typed;
  /// GlobalRead is a read of a name from the render namespace, where the code has it.
  struct GlobalRead {
    std::string name;
    std::shared_ptr<const SourceFile> file;
    SourceRange range;
  };
  /// Every read of a name from the render namespace in the unit's code (for
  /// `squall check --strict`), in the order the resolver met them.
  std::vector<GlobalRead> global_reads;

  /// block_for returns the winning definition for a block node met while walking.
  const BlockDefinition& block_for(const BlockNode& node) const { return blocks.at(node.name); }
  /// included returns the template an include node brings in.
  Template& included(const IncludeNode& node) const { return *includes.at(&node); }
};

/// kMaxTemplateDepth bounds extends chains and include nesting, so a cycle or a very deep
/// chain is an error instead of a stack overflow.
inline constexpr int kMaxTemplateDepth = 100;

/// build_unit loads `name` and everything it extends or includes, builds the block table,
/// and resolves every name to a slot or a namespace lookup. Returns null after reporting
/// errors: a missing template, an include/extends cycle, `extends` anywhere but the top
/// level of a template (Tornado: NotImplementedError), or a parse error in any file.
std::unique_ptr<Unit> build_unit(TemplateProvider& provider, const std::string& name,
                                 DiagnosticEngine& diags);

}  // namespace squall::front
