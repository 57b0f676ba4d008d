// CSV translations (tornado.locale.load_translations and CSVLocale).
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "locale_impl.hpp"

namespace squall::web::detail {
namespace {

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | cp >> 6);
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | cp >> 18);
    out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// utf16_to_utf8 decodes UTF-16 text after its BOM (which gives the byte order).
std::string utf16_to_utf8(std::string_view bytes, const std::filesystem::path& file) {
  const bool little = static_cast<unsigned char>(bytes[0]) == 0xFF;
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]),
               b = static_cast<unsigned char>(bytes[i + 1]);
    return little ? (b << 8 | a) : (a << 8 | b);
  };
  if (bytes.size() % 2 != 0) throw std::runtime_error(file.string() + ": truncated UTF-16 data");
  std::string out;
  for (std::size_t i = 2; i < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp < 0xDC00) {
      if (i + 3 >= bytes.size()) throw std::runtime_error(file.string() + ": bad UTF-16 surrogate");
      const char32_t lo = unit(i + 2);
      if (lo < 0xDC00 || lo >= 0xE000)
        throw std::runtime_error(file.string() + ": bad UTF-16 surrogate");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp < 0xE000) {
      throw std::runtime_error(file.string() + ": bad UTF-16 surrogate");
    }
    append_utf8(out, cp);
  }
  return out;
}

// decode_text is Tornado's choice of encoding: UTF-16 after a UTF-16 BOM, else utf-8-sig.
std::string decode_text(std::string bytes, const std::filesystem::path& file) {
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return utf16_to_utf8(bytes, file);
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  return bytes;
}

// parse_csv reads rows as Python's csv.reader (excel dialect) over a file opened in text
// mode (universal newlines: \r\n and \r read as \n).
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::string normalized;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      normalized += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      normalized += text[i];
    }
  }
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_field = false, after_quote = false;
  const auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    in_field = after_quote = false;
  };
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    const char c = normalized[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < normalized.size() && normalized[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        field += c;
      }
    } else if (c == ',') {
      end_field();
    } else if (c == '\n') {
      if (in_field || after_quote || !row.empty()) end_field();
      rows.push_back(std::move(row));
      row.clear();
    } else if (c == '"' && !in_field && !after_quote) {
      quoted = in_field = true;
    } else {
      field += c;
      in_field = true;
    }
  }
  if (in_field || after_quote || !row.empty()) {
    end_field();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string strip(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

class CsvLocale final : public Locale {
 public:
  CsvLocale(std::string code, CsvTable translations)
      : Locale(std::move(code)), translations_(std::move(translations)) {
    init_names();
  }

  std::string translate(std::string_view message, std::optional<std::string_view> plural,
                        std::optional<std::int64_t> count) const override {
    std::string_view kind = "unknown";
    if (plural) {
      if (!count) throw std::invalid_argument("translate: a plural message needs a count");
      if (*count != 1) {
        message = *plural;
        kind = "plural";
      } else {
        kind = "singular";
      }
    }
    const auto table = translations_.find(kind);
    if (table == translations_.end()) return std::string(message);
    const auto found = table->second.find(message);
    return std::string(found == table->second.end() ? message : std::string_view(found->second));
  }

  std::string pgettext(std::string_view, std::string_view message,
                       std::optional<std::string_view> plural,
                       std::optional<std::int64_t> count) const override {
    if (!translations_.empty()) std::cerr << "WARNING: pgettext is not supported by CSVLocale\n";
    return translate(message, plural, count);
  }

 private:
  CsvTable translations_;
};

}  // namespace

CsvTable read_csv_translations(const std::filesystem::path& file) {
  CsvTable table;
  int line = 0;
  for (auto& row : parse_csv(decode_text(read_file(file), file))) {
    ++line;
    if (row.size() < 2) continue;
    std::string plural = row.size() > 2 ? strip(row[2]) : "";
    if (plural.empty()) plural = "unknown";
    if (plural != "plural" && plural != "singular" && plural != "unknown") {
      std::cerr << "ERROR: Unrecognized plural indicator '" << plural << "' in "
                << file.filename().string() << " line " << line << "\n";
      continue;
    }
    table[plural][strip(row[0])] = strip(row[1]);
  }
  return table;
}

std::unique_ptr<Locale> make_csv_locale(std::string code, CsvTable translations) {
  return std::make_unique<CsvLocale>(std::move(code), std::move(translations));
}

}  // namespace squall::web::detail
