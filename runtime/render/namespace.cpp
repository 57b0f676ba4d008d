// Namespace, default_names and Globals: the layered render namespace.
#include "squall/namespace.hpp"
#include "render/escape_functions.hpp"
#include "squall/detail/render.hpp"
#include "squall/py.hpp"
#include "squall/render_session.hpp"
#include "squall/ui_module.hpp"
#include "squall/value.hpp"

namespace squall {

void Namespace::set(std::string name, Value value) {
  const auto found = index_.find(std::string_view(name));
  if (found != index_.end()) {
    entries_[found->second].second = std::move(value);
    lazy_.erase(found->second);
    return;
  }
  index_.emplace(name, entries_.size());
  entries_.emplace_back(std::move(name), std::move(value));
}

void Namespace::set_lazy(std::string name, std::function<Value()> compute) {
  set(name, Value());
  lazy_[index_.find(std::string_view(name))->second] = std::move(compute);
}

const Value* Namespace::resolve(std::size_t i) const {
  if (!lazy_.empty()) [[unlikely]] {
    const auto found = lazy_.find(i);
    if (found != lazy_.end()) {
      // Taken out first: a compute that reads the name again sees None, not a recursion.
      const std::function<Value()> compute = std::move(found->second);
      lazy_.erase(found);
      entries_[i].second = compute();
    }
  }
  return &entries_[i].second;
}

const Value* Namespace::find(std::string_view name) const {
  const auto found = index_.find(name);
  return found == index_.end() ? nullptr : resolve(found->second);
}

const Value* Namespace::find(std::string_view name, std::size_t hash) const {
  const auto found = index_.find(Key{name, hash});
  return found == index_.end() ? nullptr : resolve(found->second);
}

const Namespace& default_names(QuoteEntity quote) {
  static const Namespace decimal = render::make_default_names(QuoteEntity::Decimal);
  static const Namespace hex = render::make_default_names(QuoteEntity::Hex);
  return quote == QuoteEntity::Hex ? hex : decimal;
}

}  // namespace squall

namespace squall::render {

namespace {

// builtin_names mirrors py::builtins() in a Namespace, for lookups with a precomputed hash.
const Namespace& builtin_names() {
  static const Namespace names = [] {
    Namespace n;
    for (const auto& [name, value] : py::builtins()) n.set(name, value);
    return n;
  }();
  return names;
}

}  // namespace

const Value& Globals::dunder_name() const {
  if (!name_) {
    std::string name(template_name_);
    for (char& c : name) {
      if (c == '.') c = '_';
    }
    name_.emplace(std::move(name));
  }
  return *name_;
}

namespace {

const Value* default_escape_function(QuoteEntity quote) {
  // Looked up once per quote style, not per render.
  static const Value* const decimal = default_names(QuoteEntity::Decimal).find("xhtml_escape");
  static const Value* const hex = default_names(QuoteEntity::Hex).find("xhtml_escape");
  return quote == QuoteEntity::Hex ? hex : decimal;
}

}  // namespace

Globals::Globals(std::string_view template_name, const Value& kwargs, const Namespace* registered,
                 RenderSession* session, QuoteEntity quote)
    : template_name_(template_name),
      kwargs_(kwargs),
      registered_(registered),
      session_(session),
      defaults_(default_names(quote)),
      default_escape_(default_escape_function(quote)),
      quote_(quote) {
  if (!kwargs_.is_none() && !kwargs_.is_dict()) {
    py::raise_type_error("template arguments must be a dict, not " +
                         std::string(py::type_name(kwargs_)));
  }
}

const Value* Globals::find(std::string_view name) const {
  return find(name, detail::DictData::str_hash(name));
}

const Value* Globals::find(std::string_view name, std::size_t hash) const {
  if (kwargs_.is_dict()) {
    if (const Value* v = kwargs_.as_dict().find_str(name, hash)) return v;
  }
  return find_after_kwargs(name, hash);
}

namespace {

// is_per_render_name lists the names find_after_kwargs answers from this render's own state
// (the session's modules, the template name, this Globals' `globals`): keep the two in step.
bool is_per_render_name(std::string_view name) {
  return name == "_tt_modules" || name == "modules" || name == "__name__" || name == "globals";
}

}  // namespace

GlobalName::GlobalName(std::string_view name)
    : name_(name), hash_(detail::DictData::str_hash(name)), per_render_(is_per_render_name(name)) {}

const Value* Globals::find(const GlobalName& name) const {
  if (kwargs_.is_dict()) {
    if (const Value* v = kwargs_.as_dict().find_str(name.name_, name.hash_, name.kwargs_hint_)) {
      return v;
    }
  }
  if (registered_ || name.per_render_) return find_after_kwargs(name.name_, name.hash_);
  // Layers 4-5 hold the same Values for the life of the program, so the answer for this
  // quote style never changes once found.
  auto& fixed = name.fixed_[quote_ == QuoteEntity::Hex ? 1 : 0];
  if (const Value* v = fixed.load(std::memory_order_acquire)) return v;
  const Value* v = find_after_kwargs(name.name_, name.hash_);
  if (v) fixed.store(v, std::memory_order_release);
  return v;
}

const Value* Globals::find_after_kwargs(std::string_view name, std::size_t hash) const {
  if (session_ && (name == "_tt_modules" || name == "modules")) {
    if (const Value* v = session_->modules_namespace()) return v;
  }
  if (registered_) {
    if (const Value* v = registered_->find(name, hash)) return v;
  }
  if (const Value* v = defaults_.find(name, hash)) return v;
  if (name == "__name__") return &dunder_name();
  if (name == "globals") {
    if (globals_fn_.is_none()) {
      globals_fn_ = Value::function("globals", [this](Args args, KwArgs kwargs) -> Value {
        if (!args.empty() || !kwargs.empty()) py::raise_type_error("globals() takes no arguments");
        return dict();
      });
    }
    return &globals_fn_;
  }
  return builtin_names().find(name, hash);
}

const Value& Globals::lookup(std::string_view name) const {
  if (const Value* v = find(name)) return *v;
  raise_name_error(name);
}

Value Globals::dict() const {
  Value d = Value::dict();
  auto& out = d.as_dict();
  for (const auto& [name, value] : defaults_.entries()) out.set(Value(name), value);
  out.set(Value("__name__"), dunder_name());
  if (registered_) {
    for (const auto& [name, value] : registered_->entries()) out.set(Value(name), value);
  }
  if (session_ && session_->modules_namespace()) {
    out.set(Value("modules"), *session_->modules_namespace());
    out.set(Value("_tt_modules"), *session_->modules_namespace());
  }
  if (kwargs_.is_dict()) {
    for (const auto& [key, value] : kwargs_.as_dict().entries()) out.set(key, value);
  }
  return d;
}

}  // namespace squall::render
