// Module folders at run time: Python's argument binding for `def render(self, <signature>)`
// with CPython's TypeError texts, and the UIModule a FolderModuleSpec describes.
#include <span>

#include "squall/detail/render.hpp"
#include "squall/py.hpp"
#include "squall/ui_module.hpp"

namespace squall {
namespace {

using PKind = ModuleParam::Kind;

std::string quoted_names(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + std::string(names[i]) + "'";
  }
  return out;
}

// Binder is CPython's initialize_locals for a method: counts include `self`.
class Binder {
 public:
  Binder(std::string_view module_name, const ModuleSignature& sig)
      : module_name_(module_name), sig_(sig) {
    // A small inline array holds most signatures' arguments without an allocation.
    if (sig.params.size() <= kInline) {
      bound_ = std::span(inline_).first(sig.params.size());
    } else {
      heap_.resize(sig.params.size());
      bound_ = heap_;
    }
    for (std::size_t i = 0; i < sig.params.size(); ++i) {
      const auto& p = sig.params[i];
      if (p.kind == PKind::Positional) {
        ++positional_;
        if (p.default_value) ++defaults_;
      } else if (p.kind == PKind::VarArgs) {
        star_ = i;
      } else if (p.kind == PKind::VarKwargs) {
        double_star_ = i;
      }
    }
  }

  Value bind(Args args, KwArgs kwargs) {
    const std::size_t n = std::min(args.size(), positional_);
    for (std::size_t i = 0; i < n; ++i) bound_[i] = args[i];
    if (star_) bound_[*star_] = Value::tuple(std::vector<Value>(args.begin() + n, args.end()));
    Value extra = double_star_ ? Value::dict() : Value();
    for (const auto& kw : kwargs) bind_keyword(kw, extra);
    if (double_star_) bound_[*double_star_] = extra;
    if (args.size() > positional_ && !star_) too_many_positional(args.size());
    fill_defaults(args.size());
    // The order of Python's locals(): named parameters, then *args, then **kwargs.
    Value names = Value::dict();
    for (const bool star_pass : {false, true}) {
      for (std::size_t i = 0; i < bound_.size(); ++i) {
        const PKind k = sig_.params[i].kind;
        const bool is_star = k == PKind::VarArgs || k == PKind::VarKwargs;
        if (is_star == star_pass && (!star_pass || k == PKind::VarArgs))
          names.as_dict().set(Value(sig_.params[i].name), *bound_[i]);
      }
    }
    if (double_star_)
      names.as_dict().set(Value(sig_.params[*double_star_].name), *bound_[*double_star_]);
    return names;
  }

 private:
  void bind_keyword(const KwArg& kw, Value& extra) {
    if (kw.name == "self") {
      py::raise_type_error(qualname() + " got multiple values for argument 'self'");
    }
    for (std::size_t i = 0; i < bound_.size(); ++i) {
      const auto& p = sig_.params[i];
      if (p.kind == PKind::VarArgs || p.kind == PKind::VarKwargs || p.name != kw.name) continue;
      if (bound_[i]) {
        py::raise_type_error(qualname() + " got multiple values for argument '" +
                             std::string(kw.name) + "'");
      }
      bound_[i] = kw.value;
      return;
    }
    if (!double_star_) {
      py::raise_type_error(qualname() + " got an unexpected keyword argument '" +
                           std::string(kw.name) + "'");
    }
    extra.as_dict().set(Value(kw.name), kw.value);
  }

  [[noreturn]] void too_many_positional(std::size_t given_args) const {
    const std::size_t co_argcount = positional_ + 1, given = given_args + 1;
    std::size_t kwonly_given = 0;
    for (std::size_t i = 0; i < bound_.size(); ++i)
      if (sig_.params[i].kind == PKind::KeywordOnly && bound_[i]) ++kwonly_given;
    std::string sig;
    bool plural;
    if (defaults_) {
      sig =
          "from " + std::to_string(co_argcount - defaults_) + " to " + std::to_string(co_argcount);
      plural = true;
    } else {
      sig = std::to_string(co_argcount);
      plural = co_argcount != 1;
    }
    std::string kwonly;
    if (kwonly_given) {
      kwonly = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
               std::to_string(kwonly_given) + " keyword-only argument" +
               (kwonly_given != 1 ? "s" : "") + ")";
    }
    py::raise_type_error(qualname() + " takes " + sig + " positional argument" +
                         (plural ? "s" : "") + " but " + std::to_string(given) + kwonly + " " +
                         (given == 1 && !kwonly_given ? "was" : "were") + " given");
  }

  // fill_defaults applies defaults and reports missing positional, then keyword-only,
  // arguments, in CPython's order.
  void fill_defaults(std::size_t given_args) {
    std::vector<std::string_view> missing;
    std::size_t positional_seen = 0;
    for (std::size_t i = 0; i < bound_.size(); ++i) {
      const auto& p = sig_.params[i];
      if (p.kind != PKind::Positional) continue;
      if (positional_seen++ < given_args) continue;
      if (!bound_[i] && !p.default_value) missing.push_back(p.name);
    }
    if (!missing.empty()) raise_missing(missing, "positional");
    for (std::size_t i = 0; i < bound_.size(); ++i) {
      const auto& p = sig_.params[i];
      if (bound_[i] || (p.kind != PKind::Positional && p.kind != PKind::KeywordOnly)) continue;
      if (p.default_value) {
        bound_[i] = *p.default_value;
      } else {
        missing.push_back(p.name);  // keyword-only: the positional ones were reported
      }
    }
    if (!missing.empty()) raise_missing(missing, "keyword-only");
  }

  [[noreturn]] void raise_missing(const std::vector<std::string_view>& names,
                                  std::string_view kind) const {
    py::raise_type_error(qualname() + " missing " + std::to_string(names.size()) + " required " +
                         std::string(kind) + " argument" + (names.size() == 1 ? "" : "s") + ": " +
                         quoted_names(names));
  }

  // qualname is what CPython's messages name: `Entry.render()` (made only for an error).
  std::string qualname() const { return std::string(module_name_) + ".render()"; }

  std::string_view module_name_;
  const ModuleSignature& sig_;
  static constexpr std::size_t kInline = 8;
  std::optional<Value> inline_[kInline];
  std::vector<std::optional<Value>> heap_;
  std::span<std::optional<Value>> bound_;
  std::size_t positional_ = 0, defaults_ = 0;
  std::optional<std::size_t> star_, double_star_;
};

// FolderModule renders its folder's template with the bound arguments; its hooks return
// the folder's resources.
class FolderModule final : public UIModule {
 public:
  explicit FolderModule(std::shared_ptr<const FolderModuleSpec> spec) : spec_(std::move(spec)) {}

  Value render(Args args, KwArgs kwargs) override {
    const Value names = bind_module_arguments(spec_->name, spec_->signature, args, kwargs);
    render::CallDepthGuard guard;
    return Value(spec_->render_template(session(), names));
  }
  Value embedded_javascript() override { return spec_->embedded_javascript; }
  Value javascript_files() override { return spec_->javascript_files; }
  Value embedded_css() override { return spec_->embedded_css; }
  Value css_files() override { return spec_->css_files; }
  Value html_head() override { return spec_->html_head; }
  Value html_body() override { return spec_->html_body; }

 private:
  std::shared_ptr<const FolderModuleSpec> spec_;
};

}  // namespace

Value bind_module_arguments(std::string_view module_name, const ModuleSignature& signature,
                            Args args, KwArgs kwargs) {
  if (signature.declared) return Binder(module_name, signature).bind(args, kwargs);
  // render(self, **kwargs): the keyword arguments are the names.
  static const ModuleSignature kKeywordsOnly{true, {{"kwargs", PKind::VarKwargs, std::nullopt}}};
  const Value bound = Binder(module_name, kKeywordsOnly).bind(args, kwargs);
  return *bound.as_dict().find_str("kwargs");
}

void add_folder_module(ModuleRegistry& registry, std::shared_ptr<const FolderModuleSpec> spec) {
  std::string name = spec->name;
  registry.add(std::move(name),
               [spec = std::move(spec)] { return std::make_unique<FolderModule>(spec); });
}

}  // namespace squall
