// Assembles a generated .cpp: each function's prologue (position table, per-render global
// lookups, locals), its emitted body inside the error-annotating try, and the
// registry/header. A template is one render function, or, with a shared layout body
// (sema/layout_sharing.hpp), a layout's body and default blocks or a page's blocks.
#include "codegen/compile_unit.hpp"

#include "codegen/emitter.hpp"
#include "codegen/mangle.hpp"

namespace squall::cg {

namespace {

void write_positions(CppWriter& out, const std::vector<Emitter::PosEntry>& positions) {
  out.open("static constexpr squall::rt::SourcePos squall_positions[] = {");
  for (const auto& p : positions) {
    out.line("{" + cpp_quoted(p.template_name) + ", " + std::to_string(p.line) + ", " +
             std::to_string(p.via) + "},");
  }
  out.close("};");
}

std::string render_signature(const std::string& fn) {
  return "void " + fn + "(squall::rt::RenderState& squall_ctx)";
}

// The type of a block table entry, declared in each file that needs it (the same alias may
// be declared again).
constexpr const char* kBlockFunction =
    "using squall_block_function = void (*)(squall::rt::RenderState&, "
    "squall::render::OutBuffer&);";

std::string layout_signature(const std::string& fn) {
  return "void " + fn +
         "(squall::rt::RenderState& squall_ctx, const squall_block_function* squall_blocks)";
}

// Block functions are local to their file: every file numbers its own.
std::string block_signature(const std::string& fn) {
  return "static void " + fn +
         "([[maybe_unused]] squall::rt::RenderState& squall_ctx,\n"
         "    [[maybe_unused]] squall::render::OutBuffer& squall_out)";
}

// write_function writes one function: `emit` fills its body through a fresh Emitter (its
// own positions, globals, escapers and temporaries), and the prologue declares what the
// body used. `owns_out`: the function writes through its own OutBuffer over the render's
// output and finishes it; a block function writes through its caller's. Returns false
// after a diagnostic.
template <class Emit>
bool write_function(CppWriter& out, const front::Unit& unit, const CompileOptions& options,
                    front::DiagnosticEngine& diags, const std::string& signature, bool owns_out,
                    Emit&& emit) {
  CppWriter body(options.output_name, options.line_directives);
  body.set_indent_level(2);
  Emitter emitter(unit, options, diags, body);
  if (!emit(emitter)) return false;
  out.open(signature + " {");
  const bool has_positions = !emitter.positions().empty();
  if (has_positions) write_positions(out, emitter.positions());
  // Global and escape-function names are looked up through Attrs declared below.
  for (const auto& g : emitter.globals()) emitter.attr(g.first);
  for (const auto& e : emitter.escapers()) emitter.attr(e.first);
  if (!emitter.attrs().empty()) {
    out.open("static const struct {");
    for (const auto& [name, member] : emitter.attrs())
      out.line("squall::rt::Attr " + member + "{" + cpp_quoted(name) + "};");
    out.close("} " + std::string(kAttrsObject) + ";");
  }
  for (const auto& [name, var] : emitter.globals()) {
    out.line("const squall::Value* " + var + " = squall_ctx.lookup(" + emitter.attr(name) + ");");
  }
  for (const auto& [name, var] : emitter.escapers()) {
    out.line("squall::render::Escaper " + var + "(squall_ctx.globals(), " + emitter.attr(name) +
             ".global());");
  }
  if (owns_out) out.line("squall::render::OutBuffer squall_out(squall_ctx.out());");
  if (has_positions) {
    out.line("int squall_pos = 0;");
    out.open("try {");
  } else {
    out.open("{");
  }
  out.raw(body.text());
  out.map_generated();
  if (has_positions) {
    out.close("} catch (squall::Error& squall_error) {");
    out.set_indent_level(out.indent_level() + 1);
    out.line("squall::rt::annotate(squall_error, squall_positions, squall_pos);");
    out.line("throw;");
    out.close("} catch (...) {");
    out.set_indent_level(out.indent_level() + 1);
    out.line("squall::rt::annotate_other_error(squall_positions, squall_pos);");
  }
  out.close();
  // On the normal path the last flush may fail (growing the string) and must throw; the
  // OutBuffer's destructor only flushes for a render that is already failing.
  if (owns_out) out.line("squall_out.finish();");
  out.close();
  return true;
}

// write_block writes the function of block `b` of `parts`: its winning definition in `unit`.
bool write_block(CppWriter& out, const front::Unit& unit, const CompileOptions& options,
                 front::DiagnosticEngine& diags, const front::LayoutParts& parts, int b) {
  const auto index = static_cast<std::size_t>(b);
  const auto& def = unit.blocks.at(parts.blocks[index]);
  const bool ok = write_function(
      out, unit, options, diags, block_signature(mangle_block(unit.name, b, parts.blocks[index])),
      false, [&](Emitter& e) {
        return e.emit_piece(def.node->body, *def.file, parts.block_slots[index], true);
      });
  out.line("");
  return ok;
}

// A layout: its default blocks, its body calling blocks through a table (exported for the
// pages that extend it), and its own render: the body with the defaults.
bool write_layout(CppWriter& out, const front::Unit& unit, const CompileOptions& options,
                  front::DiagnosticEngine& diags, const front::LayoutParts& parts) {
  const std::string layout_fn = mangle_layout(unit.name);
  out.line(kBlockFunction);
  out.line(layout_signature(layout_fn) + ";");
  out.line("");
  for (std::size_t b = 0; b < parts.blocks.size(); ++b) {
    if (!write_block(out, unit, options, diags, parts, static_cast<int>(b))) return false;
  }
  out.line("// The body, shared by the templates that extend this one.");
  if (!write_function(out, unit, options, diags, layout_signature(layout_fn), true,
                      [&](Emitter& e) {
                        e.call_blocks(parts.sites, parts.site_block, parts.blocks);
                        return e.emit_piece(unit.root->body, *unit.root, parts.body_slots, true);
                      }))
    return false;
  out.line("");
  out.open(render_signature(mangle_template(unit.name)) + " {");
  out.line("static constexpr squall_block_function squall_blocks[" +
           std::to_string(parts.blocks.size()) + "] = {};");
  out.line(layout_fn + "(squall_ctx, squall_blocks);");
  out.close();
  return true;
}

// A page that calls its layout's body: the blocks it supplies, and a render function that
// passes them (null: the layout's default).
bool write_page(CppWriter& out, const front::Unit& unit, const CompileOptions& options,
                front::DiagnosticEngine& diags, const front::LayoutUse& use) {
  const std::string layout_fn = mangle_layout(use.layout);
  out.line("// Renders the body of " + cpp_quoted(use.layout) + ", generated once in its file.");
  out.line(kBlockFunction);
  out.line(layout_signature(layout_fn) + ";");
  out.line("");
  const auto& parts = use.parts;
  for (std::size_t b = 0; b < parts.blocks.size(); ++b) {
    if (use.supplied[b] && !write_block(out, unit, options, diags, parts, static_cast<int>(b)))
      return false;
  }
  out.open(render_signature(mangle_template(unit.name)) + " {");
  out.open("static constexpr squall_block_function squall_blocks[] = {");
  for (std::size_t b = 0; b < parts.blocks.size(); ++b) {
    out.line(use.supplied[b]
                 ? "&" + mangle_block(unit.name, static_cast<int>(b), parts.blocks[b]) + ","
                 : "nullptr,  // " + readable(parts.blocks[b]) + ": the layout's");
  }
  out.close("};");
  out.line(layout_fn + "(squall_ctx, squall_blocks);");
  out.close();
  return true;
}

// A path component starting with `.` is skipped by `squall compile` and
// squall_add_templates(): a layout there has no generated file to call.
bool compiled_in_set(const std::string& name) {
  for (std::size_t at = 0; at < name.size();) {
    if (name[at] == '.') return false;
    const std::size_t slash = name.find('/', at);
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  return true;
}

}  // namespace

front::LayoutChoice choose_layout(const front::Unit& page, front::TemplateProvider& provider,
                                  const CompileOptions& options) {
  front::LayoutChoice choice;
  if (page.root == page.files.front().get()) return choice;
  const std::string layout = page.root->file->name();
  if (!options.share_layouts) {
    choice.refused = "layouts are not shared in this set";
    return choice;
  }
  if (!compiled_in_set(layout)) {
    choice.refused = "the layout is in a hidden folder, not compiled in the set";
    return choice;
  }
  front::DiagnosticEngine quiet;
  const auto unit = front::build_unit(provider, layout, quiet);
  CompileOptions own = options;
  own.line_directives = false;
  if (!unit || quiet.has_errors() || !compile_unit(*unit, own, quiet)) {
    choice.refused = "the layout does not compile on its own";
    return choice;
  }
  choice.use = front::plan_layout_use(page, *unit, choice.refused);
  return choice;
}

std::optional<std::string> compile_unit(const front::Unit& unit, const CompileOptions& options,
                                        front::DiagnosticEngine& diags,
                                        const front::LayoutChoice& layout) {
  const bool typed = options.typed;
  const std::string fn = mangle_template(unit.name) + (typed ? "_typed" : "");
  const std::string signature = typed ? "void " + fn + "(squall::rt::RenderState& squall_ctx" +
                                            Emitter::typed_params(unit.typed) + ")"
                                      : render_signature(fn);
  CppWriter out(options.output_name, options.line_directives);
  // The name is template-controlled (a file name may hold a newline): quoted, never raw.
  out.line("// Generated by `squall compile` from " + cpp_quoted(unit.name) + ". Do not edit.");
  if (!layout.refused.empty() && !typed) {
    out.line("// Flattened with its layout " + cpp_quoted(unit.root->file->name()) + ": " +
             cpp_quoted(layout.refused) + ".");
  }
  out.line("#include <squall/abi.hpp>");
  out.line("");
  out.open("namespace " + options.ns + " {");
  out.set_indent_level(0);
  out.line("");
  out.line(signature + ";");
  out.line("");
  bool ok = false;
  const front::LayoutParts parts =
      layout.use || typed ? front::LayoutParts{} : front::split_layout(unit);
  if (layout.use && !typed) {
    ok = write_page(out, unit, options, diags, *layout.use);
  } else if (!typed && options.share_layouts && front::exports_layout(unit, parts)) {
    ok = write_layout(out, unit, options, diags, parts);
  } else {
    ok = write_function(out, unit, options, diags, signature, true,
                        [](Emitter& e) { return e.emit_unit(); });
  }
  if (!ok) return std::nullopt;
  out.line("");
  out.line("}  // namespace " + options.ns);
  return out.text();
}

std::string compile_header(const std::string& ns) {
  return "// Generated by `squall compile`. Do not edit.\n"
         "#pragma once\n"
         "\n"
         "#include <squall/template_set.hpp>\n"
         "\n"
         "namespace " +
         ns +
         " {\n"
         "\n"
         "/// templates returns the compiled template set; thread-safe, built on first use.\n"
         "const squall::TemplateSet& templates();\n"
         "\n"
         "}  // namespace " +
         ns + "\n";
}

std::string compile_registry(const std::string& ns, const std::vector<std::string>& names) {
  std::string out =
      "// Generated by `squall compile`. Do not edit.\n"
      "#include \"" +
      ns +
      "_templates.hpp\"\n"
      "\n"
      "#include <squall/abi.hpp>\n"
      "\n"
      "namespace " +
      ns + " {\n\n";
  for (const auto& name : names) {
    out += "void " + mangle_template(name) + "(squall::rt::RenderState& squall_ctx);\n";
  }
  out +=
      "\nconst squall::TemplateSet& templates() {\n"
      "  static const squall::CompiledTemplate squall_table[] = {\n";
  for (const auto& name : names) {
    out += "      {" + cpp_quoted(name) + ", &" + mangle_template(name) + "},\n";
  }
  if (names.empty()) out += "      {\"\", nullptr},\n";
  out +=
      "  };\n"
      "  static const squall::TemplateSet squall_set(squall_table);\n"
      "  return squall_set;\n"
      "}\n\n"
      "}  // namespace " +
      ns + "\n";
  return out;
}

}  // namespace squall::cg
