// The lint's HTML context: a small tokenizer state machine over the template's text (the
// states of the HTML spec that matter for where a value lands), advanced by each text
// node; each `{{ }}` is judged by the state it meets.
#include "sema/lint.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "ast/node_visit.hpp"

namespace squall::front {
namespace {

enum class State {
  Text,         // between tags
  TagOpen,      // after `<`: reading the tag name
  InTag,        // between attributes
  AttrName,     // reading an attribute name
  AfterName,    // after an attribute name, before `=` or the next attribute
  BeforeValue,  // after `=`
  Dq,           // inside "..."
  Sq,           // inside '...'
  Unquoted,     // inside an unquoted value
  Comment,      // <!-- ... -->
  RawText,      // the content of <script> or <style>
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The last name of a callee or attribute chain: `static_url` for `static_url(...)`,
// `full_url` for `request.full_url()`.
std::string_view tail_name(const Expr& e) {
  if (e.kind == ExprKind::Name) return static_cast<const NameExpr&>(e).name;
  if (e.kind == ExprKind::Attribute) return static_cast<const AttributeExpr&>(e).attr;
  return {};
}

// is_safe_url_start says whether an expression's value cannot start a `javascript:` URL:
// Tornado's URL helpers and the request's own URL, a string literal, or a concatenation
// that starts with a non-empty literal (`"/entry/" + slug`). Anything else is data.
bool is_safe_url_start(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Constant:
      return true;
    case ExprKind::Call: {
      const std::string_view f = tail_name(*static_cast<const CallExpr&>(e).func);
      return f == "static_url" || f == "reverse_url" || f == "url_escape" || f == "full_url" ||
             f == "url_concat";
    }
    case ExprKind::Attribute: {
      const auto& a = static_cast<const AttributeExpr&>(e);
      return tail_name(*a.value) == "request" && (a.attr == "path" || a.attr == "uri");
    }
    case ExprKind::Binary: {
      const auto& b = static_cast<const BinaryExpr&>(e);
      if (b.op != BinaryOp::Add && b.op != BinaryOp::Mod) return false;
      if (b.left->kind != ExprKind::Constant) return is_safe_url_start(*b.left);
      const auto& c = static_cast<const ConstantExpr&>(*b.left);
      return c.constant == ConstantKind::Str && !c.str_value.empty() && c.str_value[0] != '%';
    }
    case ExprKind::IfExp: {
      const auto& i = static_cast<const IfExpExpr&>(e);
      return is_safe_url_start(*i.body) && is_safe_url_start(*i.orelse);
    }
    default:
      return false;
  }
}

bool is_url_attribute(const std::string& name) {
  return name == "href" || name == "src" || name == "action" || name == "formaction" ||
         name == "xlink:href" || name == "data" || name == "poster" || name == "background" ||
         name == "cite" || name == "srcdoc";
}

class Linter {
 public:
  Linter(const Template& t, DiagnosticEngine& diags) : t_(t), diags_(diags) {}

  int run() {
    nodes(t_.body);
    return count_;
  }

 private:
  void nodes(const NodeList& list) {
    for (const auto& n : list) node(*n);
  }

  void node(const Node& n) {
    switch (n.kind) {
      case NodeKind::Text:
        return text(t_.file->slice(n.range));
      case NodeKind::Expression:
        return expression(n, *static_cast<const ExpressionNode&>(n).expr);
      case NodeKind::Raw:
        warn(n, LintCode::Raw,
             "{% raw %} writes its value without escaping: make sure it can never hold "
             "user-controlled text");
        return value_written();
      case NodeKind::Module:
        return value_written();
      case NodeKind::Autoescape: {
        const auto& a = static_cast<const AutoescapeNode&>(n);
        if (a.name.empty() || a.name == "None") {
          warn(n, LintCode::AutoescapeOff,
               "{% autoescape None %} turns escaping off for the rest of the file: every "
               "{{ }} after it writes raw text");
        }
        return;
      }
      default:
        for_each_body(n, [this](const NodeList& body) { nodes(body); });
    }
  }

  void expression(const Node& n, const Expr& e) {
    switch (state_) {
      case State::RawText:
        if (raw_tag_ == "script") {
          warn(n, LintCode::Script,
               "{{ }} inside <script>: HTML escaping does not make a value safe JavaScript; "
               "write {% raw json_encode(value) %} or pass it in a data- attribute");
        } else {
          warn(n, LintCode::Style,
               "{{ }} inside <style>: HTML escaping does not make a value safe CSS; choose "
               "among fixed class names instead");
        }
        break;
      case State::BeforeValue:
        warn(n, LintCode::Unquoted,
             "{{ }} as an unquoted attribute value: a space in the value starts a new "
             "attribute; quote it: " +
                 attr_ + "=\"{{ ... }}\"");
        attribute_checks(n, e, true);
        state_ = State::Unquoted;
        break;
      case State::Unquoted:
        warn(n, LintCode::Unquoted,
             "{{ }} in an unquoted attribute value: quote it: " + attr_ + "=\"...\"");
        attribute_checks(n, e, false);
        break;
      case State::Dq:
      case State::Sq:
        attribute_checks(n, e, value_empty_);
        break;
      default:
        break;
    }
    value_written();
  }

  void attribute_checks(const Node& n, const Expr& e, bool at_start) {
    if (attr_.size() > 2 && attr_.starts_with("on")) {
      warn(n, LintCode::EventAttribute,
           "{{ }} in the event handler attribute " + attr_ +
               ": the browser unescapes it and runs it as JavaScript; pass the value in a "
               "data- attribute and read it from a script");
    } else if (attr_ == "style") {
      warn(n, LintCode::StyleAttribute,
           "{{ }} in a style attribute: HTML escaping does not make a value safe CSS; choose "
           "among fixed class names instead");
    } else if (at_start && is_url_attribute(attr_) && !is_safe_url_start(e)) {
      warn(n, LintCode::UrlStart,
           "{{ }} starts the URL of " + attr_ +
               ": a javascript: URL would run; start with a fixed scheme or path "
               "(\"/...\", \"https://...\") or check the scheme before writing it");
    }
  }

  void value_written() {
    if (state_ == State::Dq || state_ == State::Sq || state_ == State::Unquoted)
      value_empty_ = false;
  }

  void warn(const Node& n, LintCode code, const std::string& message) {
    diags_.warning(t_.file, n.range, std::string("[") + lint_code_name(code) + "] " + message);
    ++count_;
  }

  // -- The HTML tokenizer, one character at a time.
  void text(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) step(s, i);
  }

  void step(std::string_view s, std::size_t& i) {
    const char c = s[i];
    const auto space = [](char ch) { return std::isspace(static_cast<unsigned char>(ch)) != 0; };
    switch (state_) {
      case State::Text:
        if (c != '<' || i + 1 >= s.size()) return;
        if (!std::isalpha(static_cast<unsigned char>(s[i + 1])) && s[i + 1] != '/' &&
            s[i + 1] != '!') {
          return;  // `a < b` in text is not a tag
        }
        if (s.substr(i).starts_with("<!--")) {
          state_ = State::Comment;
          i += 3;
          return;
        }
        state_ = State::TagOpen;
        tag_.clear();
        return;
      case State::TagOpen:
        if (std::isalnum(static_cast<unsigned char>(c)) || (c == '/' && tag_.empty()) || c == '!' ||
            c == '-') {
          tag_ += c;
          return;
        }
        state_ = State::InTag;
        return step(s, i);
      case State::InTag:
        if (c == '>') return end_tag();
        if (space(c) || c == '/') return;
        state_ = State::AttrName;
        attr_.clear();
        [[fallthrough]];
      case State::AttrName:
        if (c == '=') {
          state_ = State::BeforeValue;
        } else if (c == '>') {
          end_tag();
        } else if (space(c)) {
          state_ = State::AfterName;
        } else {
          attr_ += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        return;
      case State::AfterName:
        if (c == '=') {
          state_ = State::BeforeValue;
        } else if (c == '>') {
          end_tag();
        } else if (!space(c)) {
          state_ = State::InTag;
          step(s, i);
        }
        return;
      case State::BeforeValue:
        value_empty_ = true;
        if (c == '"') {
          state_ = State::Dq;
        } else if (c == '\'') {
          state_ = State::Sq;
        } else if (c == '>') {
          end_tag();
        } else if (!space(c)) {
          state_ = State::Unquoted;
          value_empty_ = false;
        }
        return;
      case State::Dq:
      case State::Sq:
        if (c == (state_ == State::Dq ? '"' : '\'')) {
          state_ = State::InTag;
        } else if (!space(c)) {
          value_empty_ = false;
        }
        return;
      case State::Unquoted:
        if (c == '>') return end_tag();
        if (space(c)) state_ = State::InTag;
        return;
      case State::Comment:
        if (s.substr(i).starts_with("-->")) {
          state_ = State::Text;
          i += 2;
        }
        return;
      case State::RawText: {
        const std::string close = "</" + raw_tag_;
        if (c == '<' && lower(std::string(s.substr(i, close.size()))) == close) {
          state_ = State::TagOpen;
          tag_ = "/";
          i += 1;
        }
        return;
      }
    }
  }

  void end_tag() {
    const std::string name = lower(tag_);
    state_ = (name == "script" || name == "style") ? State::RawText : State::Text;
    if (state_ == State::RawText) raw_tag_ = name;
  }

  const Template& t_;
  DiagnosticEngine& diags_;
  State state_ = State::Text;
  std::string tag_, attr_, raw_tag_;
  bool value_empty_ = true;
  int count_ = 0;
};

}  // namespace

const char* lint_code_name(LintCode code) {
  switch (code) {
    case LintCode::Script:
      return "script";
    case LintCode::Style:
      return "style";
    case LintCode::EventAttribute:
      return "event-attribute";
    case LintCode::Unquoted:
      return "unquoted-attribute";
    case LintCode::UrlStart:
      return "url-start";
    case LintCode::StyleAttribute:
      return "style-attribute";
    case LintCode::Raw:
      return "raw";
    case LintCode::AutoescapeOff:
      return "autoescape-off";
  }
  return "lint";
}

int lint_template(const Template& t, DiagnosticEngine& diags) {
  return Linter(t, diags).run();
}

}  // namespace squall::front
