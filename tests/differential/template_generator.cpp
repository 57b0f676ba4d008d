// The generator: a type-directed grammar of the Python subset and the template directives.
// Values stay small (no int beyond 64 bits, where Squall raises OverflowError and Python
// does not), sets are printed sorted (CPython's set order is not insertion order), and
// attribute reads of dict keys are made only on the render arguments (Squall's data model,
// docs/differences.md, which the Tornado reference reproduces with an AttrDict).
#include "differential/template_generator.hpp"

#include <cctype>
#include <initializer_list>
#include <string>
#include <vector>

namespace squall::differential {

const char* const kArgsJson =
    R"({"n": 3, "m": -2, "z": 0, "f": 2.5, "g": -0.1, "s": "Ab <c>", "w": "x,y,zz", )"
    R"("xs": [3, 1, 2], "e": [], "ws": ["b", "a&", "c"], "d": {"k": 1, "j": 2}, )"
    R"("obj": {"title": "T<1>", "nums": [4, 5], "inner": {"k": 7}}, "flag": true})";

namespace {

// SplitMix64: tiny, fast, and the same everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// below returns a number in [0, n).
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <std::size_t N>
  const char* pick(const char* const (&options)[N]) {
    return options[below(static_cast<int>(N))];
  }

 private:
  std::uint64_t state_;
};

enum class Type { Int, Float, Str, Bool, IntList, StrList, Dict, Any };

// cat joins `parts` in order. Generated pieces are always joined through it: the elements of
// a braced list are evaluated left to right, where the operands of `+` are unsequenced, so
// `int_expr(d) + " + " + int_expr(d)` drew from the Rng in a different order under g++ and
// clang and a seed made different templates.
std::string cat(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

std::string paren(const std::string& s) {
  return "(" + s + ")";
}

// postfix makes `e` safe before `.name`, `[...]` or `(...)`: a dotted name stays as it is,
// anything else gets parentheses (`('%d' % n).upper()`, `(2.5).real`).
std::string postfix(const std::string& e) {
  if (e.empty() || std::isdigit(static_cast<unsigned char>(e[0]))) return paren(e);
  for (const char c : e) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.') return paren(e);
  }
  return e;
}

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed) {}

  GeneratedCase build(int budget);

 private:
  // -- Expressions
  std::string expr(Type t, int depth);
  std::string int_expr(int depth);
  std::string float_expr(int depth);
  std::string str_expr(int depth);
  std::string bool_expr(int depth);
  std::string int_list(int depth);
  std::string str_list(int depth);
  std::string dict_expr(int depth);
  std::string any_expr(int depth);
  std::string local_of(Type t);
  std::string fresh(const char* prefix) { return prefix + std::to_string(names_++); }
  std::string small_int() { return std::to_string(rng_.below(12) - 3); }
  std::string str_literal() {
    static const char* const kStrings[] = {"'a'", "'bc'", "'<&>'", "'\"q\"'",  "\"it's\"",
                                           "'é'", "''",   "'x,y'", "'  pad '", "'A b'"};
    return rng_.pick(kStrings);
  }

  // -- Statements
  std::string statements(int depth, bool top);
  std::string statement(int depth, bool top);
  std::string output();
  std::string guarded(const std::string& body);

  Rng rng_;
  int names_ = 0;
  int budget_ = 0;
  int loop_depth_ = 0;
  // Locals that are certainly bound where they are read: set at the top level of main.html
  // (or the loop variables of enclosing loops), by type.
  std::vector<std::pair<std::string, Type>> locals_;
};

std::string Generator::local_of(Type t) {
  std::vector<const std::string*> found;
  for (const auto& [name, type] : locals_) {
    if (type == t) found.push_back(&name);
  }
  if (found.empty()) return "";
  return *found[static_cast<std::size_t>(rng_.below(static_cast<int>(found.size())))];
}

std::string Generator::expr(Type t, int depth) {
  switch (t) {
    case Type::Int:
      return int_expr(depth);
    case Type::Float:
      return float_expr(depth);
    case Type::Str:
      return str_expr(depth);
    case Type::Bool:
      return bool_expr(depth);
    case Type::IntList:
      return int_list(depth);
    case Type::StrList:
      return str_list(depth);
    case Type::Dict:
      return dict_expr(depth);
    case Type::Any:
      return any_expr(depth);
  }
  return "None";
}

std::string Generator::int_expr(int depth) {
  if (depth <= 0 || rng_.chance(25)) {
    const std::string local = local_of(Type::Int);
    if (!local.empty() && rng_.chance(40)) return local;
    static const char* const kLeaves[] = {"n", "m", "z", "len(xs)", "len(s)", "obj.inner.k"};
    return rng_.chance(50) ? small_int() : rng_.pick(kLeaves);
  }
  const int d = depth - 1;
  switch (rng_.below(29)) {
    case 0:
      return paren(cat({int_expr(d), " + ", int_expr(d)}));
    case 1:
      return paren(cat({int_expr(d), " - ", int_expr(d)}));
    case 2:
      return paren(cat({int_expr(d), " * ", int_expr(d)}));
    case 3:
      return paren(cat({int_expr(d), " // ", int_expr(d)}));
    case 4:
      return paren(cat({int_expr(d), " % ", int_expr(d)}));
    case 5:
      return "-" + int_expr(d);
    case 6:
      return "abs(" + int_expr(d) + ")";
    case 7:
      return cat({"min(", int_expr(d), ", ", int_expr(d), ")"});
    case 8:
      return cat({"max(", int_expr(d), ", ", int_expr(d), ", ", int_expr(d), ")"});
    case 9:
      return cat({postfix(int_list(d)), "[", int_expr(d), "]"});
    case 10:
      return cat({postfix(dict_expr(d)), "[", str_expr(d), "]"});
    case 11:
      return cat({postfix(dict_expr(d)), ".get(", str_expr(d), ", ", int_expr(d), ")"});
    case 12:
      return "len(" + (rng_.chance(50) ? int_list(d) : str_expr(d)) + ")";
    case 13:
      return "sum(" + int_list(d) + ")";
    case 14:
      return paren(cat({int_expr(d), " if ", bool_expr(d), " else ", int_expr(d)}));
    case 15:
      return "log(" + int_expr(d) + ")";
    case 16:
      return cat({"log(", int_expr(d), ", *", int_list(d), ")"});
    case 17:
      return cat({"log(", int_expr(d), ", **", dict_expr(d), ")"});
    case 18: {
      const std::string v = fresh("p");
      return cat({"(lambda ", v, ", q=", small_int(), ": ", v, " * q)(", int_expr(d), ")"});
    }
    case 19:
      return cat({"(lambda *a: len(a))(", int_expr(d), ", *", int_list(d), ")"});
    case 20:
      return paren(cat({rng_.pick({"n", "m", "z", "3", "-2"}), std::string(" ** "),
                        std::to_string(rng_.below(4))}));
    case 21:
      return paren(cat({int_expr(d), rng_.pick({" & ", " | ", " ^ "}), int_expr(d)}));
    case 22:
      return cat({postfix(str_expr(d)), rng_.pick({".find(", ".count("}), str_expr(d), ")"});
    case 23:
      return cat({rng_.pick({"int(", "round("}), float_expr(d), ")"});
    case 24: {
      const std::string x = fresh("x");
      return cat(
          {"len([", x, " for ", x, " in ", int_list(d), " if ", x, " > ", int_expr(d), "])"});
    }
    case 25: {  // two `for` clauses
      const std::string x = fresh("x"), y = fresh("y");
      return cat({"sum([", x, " * ", y, " for ", x, " in ", int_list(d), " for ", y, " in ",
                  int_list(d), " if ", x, " != ", y, "])"});
    }
    case 26: {  // *args and **kwargs in a lambda
      const std::string a = fresh("a"), k = fresh("k");
      return cat({"(lambda *", a, ", **", k, ": len(", a, ") + len(", k, "))(", int_expr(d), ", *",
                  int_list(d), ", **", dict_expr(d), ")"});
    }
    case 27:
      return cat(
          {"divmod(", int_expr(d), ", ", int_expr(d), ")[", std::to_string(rng_.below(2)), "]"});
    default:
      return cat({"next(iter(", int_list(d), "), ", int_expr(d), ")"});
  }
}

std::string Generator::float_expr(int depth) {
  if (depth <= 0 || rng_.chance(30)) {
    static const char* const kLeaves[] = {"f", "g", "2.5", "0.1", "-1.25", "1.5e3", "3.0"};
    return rng_.pick(kLeaves);
  }
  const int d = depth - 1;
  switch (rng_.below(7)) {
    case 0:
      return paren(cat({int_expr(d), " / ", int_expr(d)}));
    case 1:
      return paren(cat({float_expr(d), " * ", int_expr(d)}));
    case 2:
      return "float(" + int_expr(d) + ")";
    case 3:
      return cat({"round(", float_expr(d), ", ", std::to_string(rng_.below(3)), ")"});
    case 4:
      return paren(cat({float_expr(d), " + ", float_expr(d)}));
    case 5:
      return "abs(" + float_expr(d) + ")";
    default:
      return paren(cat({float_expr(d), " - ", int_expr(d)}));
  }
}

std::string Generator::str_expr(int depth) {
  if (depth <= 0 || rng_.chance(25)) {
    const std::string local = local_of(Type::Str);
    if (!local.empty() && rng_.chance(40)) return local;
    static const char* const kLeaves[] = {"s", "w", "obj.title"};
    return rng_.chance(50) ? str_literal() : rng_.pick(kLeaves);
  }
  const int d = depth - 1;
  switch (rng_.below(24)) {
    case 0:
      return paren(cat({str_expr(d), " + ", str_expr(d)}));
    case 1:
      return paren(cat({str_expr(d), " * ", std::to_string(rng_.below(4))}));
    case 2:
      return cat({postfix(str_expr(d)), "[", int_expr(d), "]"});
    case 3:
      return cat({postfix(str_expr(d)), "[", int_expr(d), ":", int_expr(d), "]"});
    case 4:
      return cat({postfix(str_expr(d)), "[::", rng_.pick({"-1", "2", "-2", "1"}), "]"});
    case 5:
      return cat({postfix(str_expr(d)), rng_.pick({".upper()", ".lower()", ".strip()", ".title()",
                                                   ".capitalize()", ".swapcase()"})});
    case 6:
      return cat({postfix(str_expr(d)), ".replace(", str_expr(d), ", ", str_expr(d), ")"});
    case 7:
      return cat({postfix(str_expr(d)), ".join(", str_list(d), ")"});
    case 8:
      return "str(" + any_expr(d) + ")";
    case 9:
      return "repr(" + any_expr(d) + ")";
    case 10:
      return cat({"'%s/%d' % (", str_expr(d), ", ", int_expr(d), ")"});
    case 11:
      return cat({"'{}|{!r}'.format(", any_expr(d), ", ", any_expr(d), ")"});
    case 12:
      return paren(cat({str_expr(d), " if ", bool_expr(d), " else ", str_expr(d)}));
    case 13:
      return "log(" + str_expr(d) + ")";
    case 14:
      return cat({rng_.pick({"squeeze(", "url_escape(", "xhtml_escape("}), str_expr(d), ")"});
    case 15:
      return std::string("json_encode(") + rng_.pick({"d", "xs", "ws", "s", "n", "obj"}) + ")";
    case 16:
      return cat({postfix(str_expr(d)), ".zfill(", std::to_string(rng_.below(8)), ")"});
    case 17:
      return "'%05.1f' % " + float_expr(d);
    case 18:
      return cat({postfix(str_expr(d)), ".split(", str_literal(), ")[", int_expr(d), "]"});
    case 19:
      return cat({postfix(str_expr(d)), rng_.pick({".center(", ".ljust(", ".rjust("}),
                  std::to_string(rng_.below(9)), ")"});
    case 20:
      return "'{0}-{0}'.format(" + str_expr(d) + ")";
    case 21:
      return cat({"(t.append(", str_expr(d), ") or ", str_expr(d), ")"});
    case 22:
      return "str(" + float_expr(d) + ")";
    default:
      return "'%r' % (" + any_expr(d) + ",)";
  }
}

std::string Generator::bool_expr(int depth) {
  if (depth <= 0 || rng_.chance(15)) return rng_.pick({"True", "False", "flag"});
  const int d = depth - 1;
  static const char* const kCompare[] = {" < ", " <= ", " == ", " != ", " > ", " >= "};
  switch (rng_.below(13)) {
    case 0:
      return paren(cat({int_expr(d), rng_.pick(kCompare), int_expr(d)}));
    case 1:
      return paren(
          cat({int_expr(d), rng_.pick(kCompare), int_expr(d), rng_.pick(kCompare), int_expr(d)}));
    case 2:
      return paren(cat({str_expr(d), rng_.pick({" in ", " not in "}), str_expr(d)}));
    case 3:
      return paren(cat({int_expr(d), rng_.pick({" in ", " not in "}), int_list(d)}));
    case 4:
      return "not " + bool_expr(d);
    case 5:
      return paren(cat({bool_expr(d), rng_.pick({" and ", " or "}), bool_expr(d)}));
    case 6:
      return cat(
          {"isinstance(", any_expr(d), ", ", rng_.pick({"int", "str", "list", "dict"}), ")"});
    case 7:
      return cat({rng_.pick({"all(", "any("}), int_list(d), ")"});
    case 8:
      return cat(
          {postfix(str_expr(d)), rng_.pick({".startswith(", ".endswith("}), str_expr(d), ")"});
    case 9:
      return paren(cat({any_expr(d), rng_.pick({" is None", " is not None"})}));
    case 10:
      return "bool(" + any_expr(d) + ")";
    case 11:
      return paren(cat({str_expr(d), rng_.pick(kCompare), str_expr(d)}));
    default:
      return "log(" + bool_expr(d) + ")";
  }
}

std::string Generator::int_list(int depth) {
  if (depth <= 0 || rng_.chance(20)) {
    const std::string local = local_of(Type::IntList);
    if (!local.empty() && rng_.chance(40)) return local;
    return rng_.pick({"xs", "e", "obj.nums", "[1, 2]", "[]"});
  }
  const int d = depth - 1;
  const std::string x = fresh("x");
  switch (rng_.below(18)) {
    case 0:
      return cat({"[", int_expr(d), ", ", int_expr(d), "]"});
    case 1:
      return cat({"[", int_expr(d), ", *", int_list(d), "]"});
    case 2:
      return cat({"[", x, " * ", int_expr(d), " for ", x, " in ", int_list(d), " if ", x,
                  " != ", int_expr(d), "]"});
    case 3:
      return "list(range(" + std::to_string(rng_.below(5)) + "))";
    case 4:
      return cat({"sorted(", int_list(d), ", reverse=", bool_expr(d), ")"});
    case 5:
      return paren(cat({int_list(d), " + ", int_list(d)}));
    case 6:
      return cat({postfix(int_list(d)), "[", int_expr(d), ":", int_expr(d), "]"});
    case 7:
      return postfix(int_list(d)) + "[::-1]";
    case 8:
      return "list(reversed(" + int_list(d) + "))";
    case 9:
      return cat({"list(map(lambda ", x, ": ", x, " + ", int_expr(d), ", ", int_list(d), "))"});
    case 10:
      return "list(filter(lambda " + x + ": " + x + " % 2, " + int_list(d) + "))";
    case 11:
      return "log(" + int_list(d) + ")";
    case 12:
      return cat({"[*", int_list(d), ", *", int_list(d), "]"});
    case 13:
      return "sorted({ " + x + " % 3 for " + x + " in " + int_list(d) + " })";
    case 14:
      return "sorted(" + int_list(d) + ", key=lambda " + x + ": -" + x + ")";
    case 15:
      return cat({"[", int_expr(d), " for ", x, " in range(", std::to_string(rng_.below(4)), ")]"});
    case 16:
      return "list(" + postfix(dict_expr(d)) + ".values())";
    default:
      return cat({"sorted({ ", int_expr(d), ", ", int_expr(d), ", *", int_list(d), " })"});
  }
}

std::string Generator::str_list(int depth) {
  if (depth <= 0 || rng_.chance(25)) return rng_.pick({"ws", "['p', 'q']", "[]"});
  const int d = depth - 1;
  const std::string c = fresh("c");
  switch (rng_.below(6)) {
    case 0:
      return cat({postfix(str_expr(d)), ".split(", str_literal(), ")"});
    case 1:
      return cat({"[", str_expr(d), ", ", str_expr(d), "]"});
    case 2:
      return "sorted(" + str_list(d) + ")";
    case 3:
      return "[" + c + " for " + c + " in " + str_expr(d) + "]";
    case 4:
      return "list(" + dict_expr(d) + ")";
    default:
      return "[str(" + c + ") for " + c + " in " + int_list(d) + "]";
  }
}

std::string Generator::dict_expr(int depth) {
  if (depth <= 0 || rng_.chance(25)) return rng_.pick({"d", "obj.inner", "{}"});
  const int d = depth - 1;
  const std::string k = fresh("k");
  switch (rng_.below(10)) {
    case 0:
      return cat(
          {"{ ", str_expr(d), ": ", int_expr(d), ", ", str_expr(d), ": ", int_expr(d), " }"});
    case 1:
      return cat({"{ **", dict_expr(d), ", ", str_expr(d), ": ", int_expr(d), " }"});
    case 2:
      return cat({"{ ", str_expr(d), ": ", int_expr(d), ", **", dict_expr(d), " }"});
    case 3:
      return cat({"dict(", dict_expr(d), ", kw=", int_expr(d), ")"});
    case 4:
      return cat({"dict(zip(", str_list(d), ", ", int_list(d), "))"});
    case 5:
      return cat({"{ ", k, ": ", int_expr(d), " for ", k, " in ", str_list(d), " }"});
    case 6:
      return "dict(**" + dict_expr(d) + ")";
    case 7:
      return "log(" + dict_expr(d) + ")";
    case 8:
      return cat({"{ **", dict_expr(d), ", **", dict_expr(d), " }"});
    default:
      return cat({"{ (t.append(", small_int(), ") or ", str_expr(d), "): (t.append(", small_int(),
                  ") or ", int_expr(d), ") }"});
  }
}

std::string Generator::any_expr(int depth) {
  switch (rng_.below(9)) {
    case 0:
      return float_expr(depth);
    case 1:
      return str_expr(depth);
    case 2:
      return bool_expr(depth);
    case 3:
      return int_list(depth);
    case 4:
      return str_list(depth);
    case 5:
      return dict_expr(depth);
    case 6:
      return cat({"(", int_expr(depth), ", ", str_expr(depth), ")"});
    case 7:
      return "None";
    default:
      return int_expr(depth);
  }
}

// -- Statements

// One handler naming the class (the namespace function `exc_name`): a chain of handlers,
// one per class, made most of the generated C++.
std::string Generator::guarded(const std::string& body) {
  return "{% try %}" + body + "{% except Exception as ex %}!{{ exc_name(ex) }}{% end %}";
}

std::string Generator::output() {
  --budget_;
  const Type t = static_cast<Type>(rng_.below(8));
  const std::string e = expr(t, 1 + rng_.below(3));
  const std::string tag = rng_.chance(10) ? "{% raw " + e + " %}" : "{{ " + e + " }}";
  return cat({guarded(tag), rng_.pick({" ", "\n", "|", "<br>"})});
}

std::string Generator::statements(int depth, bool top) {
  std::string out;
  const int count = 1 + rng_.below(4);
  for (int i = 0; i < count && budget_ > 0; ++i) out += statement(depth, top);
  return out;
}

std::string Generator::statement(int depth, bool top) {
  const int kind = depth <= 0 ? 0 : rng_.below(23);
  const int d = depth - 1;
  switch (kind) {
    case 10: {  // set a local; readable later only when set at the top level
      --budget_;
      const Type t = static_cast<Type>(rng_.below(7));
      const std::string v = fresh("v");
      std::string value = expr(t, 2);
      std::string out = guarded("{% set " + v + " = " + value + " %}");
      if (top) {
        // Bound whatever happens: a failed set is followed by a plain one.
        out = "{% set " + v + " = " + (t == Type::Int ? "0" : "None") + " %}" + out;
        if (t == Type::Int) locals_.emplace_back(v, t);
      }
      return out;
    }
    case 11: {
      --budget_;
      const std::string a = fresh("v"), b = fresh("v");
      return guarded(cat({"{% set ", a, ", ", b, " = ", int_expr(1), ", ", str_expr(1), " %}{{ ", b,
                          " }}{{ ", a, " }}"}));
    }
    case 12: {
      --budget_;
      std::string out = cat({"{% if ", bool_expr(2), " %}", statements(d, false)});
      if (rng_.chance(40)) out += cat({"{% elif ", bool_expr(1), " %}", statements(d, false)});
      if (rng_.chance(50)) out += "{% else %}" + statements(d, false);
      return guarded(out + "{% end %}");
    }
    case 13:
    case 14: {
      --budget_;
      const std::string x = fresh("i");
      std::string out = "{% for " + x + " in " + int_list(2) + " %}{{ " + x + " }},";
      locals_.emplace_back(x, Type::Int);
      ++loop_depth_;
      out += statements(d, false);
      if (rng_.chance(40))
        out += "{% if " + x + " % 2 %}{% " + rng_.pick({"break", "continue"}) + " %}{% end %}";
      out += statements(d, false);
      --loop_depth_;
      locals_.pop_back();
      return guarded(out + "{% end %}");
    }
    case 15: {
      --budget_;
      const std::string k = fresh("k"), v = fresh("v");
      return guarded("{% for " + k + ", " + v + " in " + postfix(dict_expr(2)) + ".items() %}{{ " +
                     k + " }}={{ " + v + " }};{% end %}");
    }
    case 16: {
      const std::string w = fresh("w");
      std::string out = "{% set " + w + " = 0 %}{% while " + w + " < " +
                        std::to_string(rng_.below(4)) + " %}{% set " + w + " = " + w + " + 1 %}" +
                        "{{ " + w + " }}";
      ++loop_depth_;
      out += statements(d, false);
      if (rng_.chance(40))
        out += cat(
            {"{% if ", bool_expr(1), " %}{% ", rng_.pick({"break", "continue"}), " %}{% end %}"});
      --loop_depth_;
      return out + "{% end %}";
    }
    case 17: {
      std::string out = "{% try %}" + statements(d, false) + "{% except ZeroDivisionError %}Z";
      if (rng_.chance(50)) out += "{% except %}E";
      if (rng_.chance(30)) out += "{% else %}" + statements(d, false);
      if (rng_.chance(40)) out += "{% finally %}F";
      return out + "{% end %}";
    }
    case 18:
      return cat({"{% apply ", std::string(rng_.pick({"xhtml_escape", "url_escape"})), " %}",
                  statements(d, false), "{% end %}"});
    case 20: {  // augmented assignment of a top-level int local
      const std::string v = local_of(Type::Int);
      if (v.empty() || v[0] != 'v' || !top) return output();
      --budget_;
      return guarded(cat({"{% set ", v, " ", rng_.pick({"+=", "-=", "*=", "//="}), " ", int_expr(1),
                          " %}{{ ", v, " }}"}));
    }
    case 21: {  // enumerate: the loops both back ends lower specially (front::for_shape)
      --budget_;
      const std::string i = fresh("i"), x = fresh("x");
      return guarded(cat({"{% for ", i, ", ", x, " in enumerate(", int_list(2), ") %}{{ ", i,
                          " }}:{{ ", x, " }}{% if ", x, " > ", int_expr(1),
                          " %}{% break %}{% end %}{% else %}done{% end %}"}));
    }
    case 19:
      return cat({"{# ", std::string(rng_.pick({"note", "x }} y", "{{ z }}"})), " #}",
                  rng_.pick({"\n  ", "\t", "<p>"})});
    default:
      return output();
  }
}

GeneratedCase Generator::build(int budget) {
  GeneratedCase c;
  budget_ = budget;
  const int shape = rng_.below(10);
  std::string main = "{% set t = [] %}";
  if (rng_.chance(10)) main += "{% autoescape None %}";
  if (shape < 2) {
    // extends: the child's blocks replace some of the base's; the child's top level outside
    // blocks does not render. Blocks share one function scope, so locals stay out.
    std::string base = "{% set t = [] %}<html>";
    std::string child = "{% extends \"base.html\" %}";
    const int blocks = 1 + rng_.below(3);
    for (int b = 0; b < blocks; ++b) {
      const std::string name = "b" + std::to_string(b);
      base += "{% block " + name + " %}" + statements(2, false) + "{% end %}\n";
      if (rng_.chance(70)) child += "{% block " + name + " %}" + statements(2, false) + "{% end %}";
    }
    base += "{{ t }}</html>";
    c.templates["base.html"] = base;
    main = child;
  } else {
    if (shape < 4) {
      c.templates["part.html"] = statements(2, false) + "{{ n }}";
      main += "{% include \"part.html\" %}";
    }
    while (budget_ > 0) main += statement(2, true);
    // Now and then an unguarded lookup: when it fails, the error leaving the render (class,
    // message, template, line) is compared too.
    if (shape == 9) main += cat({"{{ ", postfix(dict_expr(1)), "[", str_expr(1), "] }}"});
    main += "{{ t }}";
  }
  c.templates["main.html"] = main;
  c.args_json = kArgsJson;
  c.expressions = budget - budget_;
  return c;
}

}  // namespace

GeneratedCase generate_case(std::uint64_t seed, int expressions) {
  GeneratedCase c = Generator(seed).build(expressions);
  c.seed = seed;
  return c;
}

std::uint64_t case_seed(std::uint64_t run_seed, std::uint64_t index) {
  Rng rng(run_seed * 0x100000001B3ULL + index);
  return rng.next();
}

}  // namespace squall::differential
