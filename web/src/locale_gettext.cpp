// gettext catalogs (tornado.locale.load_gettext_translations and GettextLocale), read as
// Python's gettext.GNUTranslations reads them.
#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "locale_impl.hpp"

namespace squall::web::detail {
namespace {

constexpr char kContextSeparator = '\x04';

std::uint32_t read_u32(std::string_view buf, std::size_t at, bool little) {
  if (at + 4 > buf.size()) throw std::runtime_error("File is corrupt");
  const auto b = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(buf[at + i]));
  };
  return little ? (b(0) | b(1) << 8 | b(2) << 16 | b(3) << 24)
                : (b(3) | b(2) << 8 | b(1) << 16 | b(0) << 24);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// to_utf8 decodes catalog text in the header's charset (UTF-8, ASCII or Latin-1).
std::string to_utf8(std::string_view text, const std::string& charset) {
  const std::string cs = lower(charset);
  if (cs == "latin-1" || cs == "latin1" || cs == "iso-8859-1" || cs == "iso8859-1") {
    std::string out;
    for (const char c : text) {
      const auto b = static_cast<unsigned char>(c);
      if (b < 0x80) {
        out += c;
      } else {
        out += static_cast<char>(0xC0 | b >> 6);
        out += static_cast<char>(0x80 | (b & 0x3F));
      }
    }
    return out;
  }
  if (cs == "ascii" || cs == "us-ascii") {
    if (std::any_of(text.begin(), text.end(), [](char c) { return c & 0x80; })) {
      throw std::runtime_error("non-ASCII text in a catalog without a charset");
    }
    return std::string(text);
  }
  if (cs == "utf-8" || cs == "utf8") return std::string(text);
  throw std::runtime_error("unsupported catalog charset '" + charset + "'");
}

// -- Plural formulas: gettext.c2py's grammar, evaluated directly. `||` and `&&` give an
// operand, as the Python expressions c2py builds do; `/` and `%` are integer operations.
class PluralParser {
 public:
  explicit PluralParser(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
      const char c = text[i];
      if (c == ' ' || c == '\t') {
        ++i;
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        std::size_t j = i;
        while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
        tokens_.emplace_back(text.substr(i, j - i));
        i = j;
      } else if (c == 'n' &&
                 (i + 1 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 1])))) {
        tokens_.emplace_back("n");
        ++i;
      } else if (std::strchr("()-*/%+?:", c)) {
        tokens_.emplace_back(1, c);
        ++i;
      } else if (text.substr(i, 2) == "&&" || text.substr(i, 2) == "||" ||
                 text.substr(i, 2) == "==" ||
                 ((c == '<' || c == '>' || c == '!') && text.substr(i + 1, 1) == "=")) {
        tokens_.emplace_back(text.substr(i, 2));
        i += 2;
      } else if (c == '<' || c == '>' || c == '!') {
        tokens_.emplace_back(1, c);
        ++i;
      } else {
        throw std::runtime_error("invalid token in plural form: " + std::string(1, c));
      }
    }
  }

  struct Node {
    std::string op;  // "n", "num", "!", "?:", or a binary operator
    long long value = 0;
    std::vector<std::unique_ptr<Node>> kids;
  };

  std::shared_ptr<Node> parse() {
    auto root = std::shared_ptr<Node>(expression().release());
    if (pos_ != tokens_.size())
      throw std::runtime_error("unexpected token in plural form: " + tokens_[pos_]);
    return root;
  }

  static long long eval(const Node& node, long long n) {
    if (node.op == "n") return n;
    if (node.op == "num") return node.value;
    if (node.op == "!") return eval(*node.kids[0], n) == 0;
    if (node.op == "?:")
      return eval(*node.kids[0], n) ? eval(*node.kids[1], n) : eval(*node.kids[2], n);
    const long long a = eval(*node.kids[0], n);
    if (node.op == "||") return a ? a : eval(*node.kids[1], n);
    if (node.op == "&&") return a ? eval(*node.kids[1], n) : a;
    const long long b = eval(*node.kids[1], n);
    if (node.op == "==") return a == b;
    if (node.op == "!=") return a != b;
    if (node.op == "<") return a < b;
    if (node.op == ">") return a > b;
    if (node.op == "<=") return a <= b;
    if (node.op == ">=") return a >= b;
    if (node.op == "+") return a + b;
    if (node.op == "-") return a - b;
    if (node.op == "*") return a * b;
    if (b == 0) throw std::runtime_error("division by zero in plural form");
    // Python's floor division and modulo.
    long long q = a / b, r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
      --q;
      r += b;
    }
    return node.op == "/" ? q : r;
  }

 private:
  static std::runtime_error unexpected(const std::string& token) {
    return std::runtime_error(token.empty() ? "unexpected end of plural form"
                                            : "unexpected token in plural form: " + token);
  }
  static int priority(const std::string& op) {
    static const std::pair<const char*, int> kOps[] = {
        {"||", 1}, {"&&", 2}, {"==", 3}, {"!=", 3}, {"<", 4}, {">", 4}, {"<=", 4},
        {">=", 4}, {"+", 5},  {"-", 5},  {"*", 6},  {"/", 6}, {"%", 6}};
    for (const auto& [name, p] : kOps) {
      if (op == name) return p;
    }
    return 0;
  }
  const std::string& peek() const {
    static const std::string kEnd;
    return pos_ < tokens_.size() ? tokens_[pos_] : kEnd;
  }
  std::unique_ptr<Node> expression() {
    auto condition = binary(1);
    if (peek() != "?") return condition;
    ++pos_;
    auto if_true = expression();
    if (peek() != ":") throw unexpected(peek());
    ++pos_;
    auto node = std::make_unique<Node>();
    node->op = "?:";
    node->kids.push_back(std::move(condition));
    node->kids.push_back(std::move(if_true));
    node->kids.push_back(expression());
    return node;
  }
  std::unique_ptr<Node> binary(int min_priority) {
    auto left = unary();
    for (;;) {
      const int p = priority(peek());
      if (p == 0 || p < min_priority) return left;
      auto node = std::make_unique<Node>();
      node->op = tokens_[pos_++];
      node->kids.push_back(std::move(left));
      node->kids.push_back(binary(p + 1));
      left = std::move(node);
    }
  }
  std::unique_ptr<Node> unary() {
    if (peek() == "!") {
      ++pos_;
      auto node = std::make_unique<Node>();
      node->op = "!";
      node->kids.push_back(unary());
      return node;
    }
    auto node = std::make_unique<Node>();
    const std::string token = peek();
    if (token == "(") {
      ++pos_;
      node = expression();
      if (peek() != ")") throw std::runtime_error("unbalanced parenthesis in plural form");
    } else if (token == "n") {
      node->op = "n";
    } else if (!token.empty() && std::isdigit(static_cast<unsigned char>(token[0]))) {
      node->op = "num";
      node->value = std::stoll(token);
    } else {
      throw unexpected(token);
    }
    ++pos_;
    return node;
  }

  std::vector<std::string> tokens_;
  std::size_t pos_ = 0;
};

class GettextLocale final : public Locale {
 public:
  GettextLocale(std::string code, std::shared_ptr<const GettextCatalog> catalog)
      : Locale(std::move(code)), catalog_(std::move(catalog)) {
    init_names();
  }

  std::string translate(std::string_view message, std::optional<std::string_view> plural,
                        std::optional<std::int64_t> count) const override {
    if (!plural) return gettext(message);
    if (!count) throw std::invalid_argument("translate: a plural message needs a count");
    return ngettext(message, *plural, *count);
  }

  std::string pgettext(std::string_view context, std::string_view message,
                       std::optional<std::string_view> plural,
                       std::optional<std::int64_t> count) const override {
    const std::string prefix = std::string(context) + kContextSeparator;
    if (plural) {
      if (!count) throw std::invalid_argument("pgettext: a plural message needs a count");
      std::string result =
          ngettext(prefix + std::string(message), prefix + std::string(*plural), *count);
      if (result.find(kContextSeparator) != std::string::npos)
        result = ngettext(message, *plural, *count);
      return result;
    }
    std::string result = gettext(prefix + std::string(message));
    if (result.find(kContextSeparator) != std::string::npos) result = std::string(message);
    return result;
  }

 private:
  std::string gettext(std::string_view message) const {
    const auto found = catalog_->messages.find(message);
    return std::string(found == catalog_->messages.end() ? message
                                                         : std::string_view(found->second));
  }
  std::string ngettext(std::string_view singular, std::string_view plural, std::int64_t n) const {
    const auto found =
        catalog_->plurals.find(std::pair(std::string(singular), catalog_->plural(n)));
    if (found != catalog_->plurals.end()) return found->second;
    return std::string(n == 1 ? singular : plural);
  }

  std::shared_ptr<const GettextCatalog> catalog_;
};

}  // namespace

std::function<long long(long long)> compile_plural(std::string_view expression) {
  if (expression.size() > 1000) throw std::runtime_error("plural form expression is too long");
  std::shared_ptr<PluralParser::Node> root = PluralParser(expression).parse();
  return [root](long long n) { return PluralParser::eval(*root, n); };
}

GettextCatalog read_mo(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream s;
  s << in.rdbuf();
  const std::string buf = s.str();
  bool little;
  const std::uint32_t magic = read_u32(buf, 0, true);
  if (magic == 0x950412de) {
    little = true;
  } else if (magic == 0xde120495) {
    little = false;
  } else {
    throw std::runtime_error("Bad magic number");
  }
  const std::uint32_t version = read_u32(buf, 4, little);
  if ((version >> 16) > 1)
    throw std::runtime_error("Bad version number " + std::to_string(version >> 16));
  const std::uint32_t count = read_u32(buf, 8, little);
  std::size_t master = read_u32(buf, 12, little), trans = read_u32(buf, 16, little);

  GettextCatalog catalog;
  std::string charset;
  for (std::uint32_t i = 0; i < count; ++i, master += 8, trans += 8) {
    const std::size_t mlen = read_u32(buf, master, little),
                      moff = read_u32(buf, master + 4, little);
    const std::size_t tlen = read_u32(buf, trans, little), toff = read_u32(buf, trans + 4, little);
    if (moff + mlen >= buf.size() || toff + tlen >= buf.size())
      throw std::runtime_error("File is corrupt");
    const std::string_view msg(buf.data() + moff, mlen), tmsg(buf.data() + toff, tlen);
    if (mlen == 0) {
      // The catalog description: `Key: value` lines.
      std::string last;
      std::size_t start = 0;
      while (start <= tmsg.size()) {
        const std::size_t nl = std::min(tmsg.find('\n', start), tmsg.size());
        const std::string item = trim(tmsg.substr(start, nl - start));
        start = nl + 1;
        const std::size_t colon = item.find(':');
        if (item.empty() || colon == std::string::npos) continue;
        const std::string key = lower(trim(std::string_view(item).substr(0, colon)));
        const std::string value = trim(std::string_view(item).substr(colon + 1));
        if (key == "content-type") {
          const std::size_t at = value.find("charset=");
          if (at != std::string::npos) charset = value.substr(at + 8);
        } else if (key == "plural-forms") {
          const std::size_t semi = value.find(';');
          const std::size_t at = value.find("plural=", semi == std::string::npos ? 0 : semi);
          if (semi == std::string::npos || at == std::string::npos) {
            throw std::runtime_error("bad Plural-Forms header");
          }
          std::string formula = value.substr(at + 7);
          formula = formula.substr(0, formula.find(';'));
          catalog.plural = compile_plural(formula);
        }
      }
    }
    const std::string cs = charset.empty() ? "ascii" : charset;
    const std::size_t nul = msg.find('\0');
    if (nul != std::string_view::npos) {
      const std::string singular = to_utf8(msg.substr(0, nul), cs);
      long long index = 0;
      for (std::size_t start = 0; start <= tmsg.size(); ++index) {
        const std::size_t end = std::min(tmsg.find('\0', start), tmsg.size());
        catalog.plurals[{singular, index}] = to_utf8(tmsg.substr(start, end - start), cs);
        start = end + 1;
      }
    } else {
      catalog.messages[to_utf8(msg, cs)] = to_utf8(tmsg, cs);
    }
  }
  return catalog;
}

std::unique_ptr<Locale> make_gettext_locale(std::string code,
                                            std::shared_ptr<const GettextCatalog> catalog) {
  return std::make_unique<GettextLocale>(std::move(code), std::move(catalog));
}

}  // namespace squall::web::detail
