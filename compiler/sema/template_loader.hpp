// Template loaders: Tornado's `Loader` (a folder) and `DictLoader` (in memory) as
// TemplateProviders for build_unit, the check command, the interpreter and the compiler.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "parse/parser.hpp"
#include "sema/unit.hpp"

namespace squall::front {

/// TemplateLoader reads each template once (cached by resolved name) and parses it fresh
/// on every `parse` call, so each Unit owns its own tree. A file's own parse errors are
/// reported the first time it is parsed only; later calls return null silently, so a
/// broken file included from many places is reported once. Not thread-safe.
class TemplateLoader : public TemplateProvider {
 public:
  explicit TemplateLoader(ParseOptions options = {}) : options_(std::move(options)) {}

  /// parse reads and parses `name` (already resolved). A missing template, or one whose
  /// name leaves the root, is reported at `from` (the tag naming it) when given.
  std::unique_ptr<Template> parse(const std::string& name, DiagnosticEngine& diags,
                                  const Diagnostic* from) override;

  /// source returns the text of `name`, read once; null with `error` set when it cannot
  /// be read.
  std::shared_ptr<const SourceFile> source(const std::string& name, std::string& error);

  /// reset forgets every cached file (Tornado's `BaseLoader.reset`), e.g. after edits.
  void reset() { cache_.clear(); }

 protected:
  /// read returns the bytes of template `name` and where they came from (`path`, "" for
  /// memory), or nullopt with `error` saying why.
  virtual std::optional<std::string> read(const std::string& name, std::string& path,
                                          std::string& error) = 0;

 private:
  struct Entry {
    std::shared_ptr<const SourceFile> file;
    bool reported = false;  // its parse diagnostics were already reported
  };
  ParseOptions options_;
  std::map<std::string, Entry, std::less<>> cache_;
};

/// FolderLoader is Tornado's `Loader(root)`. Names are resolved relative to the including
/// template's folder; `..` is allowed while the result stays inside the root. Unlike
/// Tornado, a name that leaves the root (or is absolute) is an error, not a read outside.
class FolderLoader final : public TemplateLoader {
 public:
  explicit FolderLoader(std::string root, ParseOptions options = {});

  std::string resolve(std::string_view name, std::string_view parent) const override;
  const std::string& root() const { return root_; }

 protected:
  std::optional<std::string> read(const std::string& name, std::string& path,
                                  std::string& error) override;

 private:
  std::string root_;
};

/// DictLoader is Tornado's `DictLoader(dict)`: templates held in memory by name, names
/// resolved with `posixpath.normpath(join(dirname(parent), name))`.
class DictLoader final : public TemplateLoader {
 public:
  explicit DictLoader(std::map<std::string, std::string> templates, ParseOptions options = {})
      : TemplateLoader(std::move(options)), templates_(std::move(templates)) {}

  std::string resolve(std::string_view name, std::string_view parent) const override;

 protected:
  std::optional<std::string> read(const std::string& name, std::string& path,
                                  std::string& error) override;

 private:
  std::map<std::string, std::string> templates_;
};

/// normalize_template_path is Python's `posixpath.normpath` ("a/./b/../c" -> "a/c"; a
/// leading ".." is kept; "" -> ".").
std::string normalize_template_path(std::string_view path);

/// is_outside_root says whether a normalized template name leaves its root ("../x", "/x").
bool is_outside_root(std::string_view normalized);

}  // namespace squall::front
