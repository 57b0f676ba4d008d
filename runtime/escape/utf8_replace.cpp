#include "escape/utf8_replace.hpp"

#include "squall/detail/unicode.hpp"

namespace squall::detail {
namespace {

// LeadInfo is a lead byte's sequence length and the range its second byte must fall in;
// later continuation bytes are always 0x80..0xBF (Unicode table 3-7).
struct LeadInfo {
  std::size_t length;
  unsigned char second_min;
  unsigned char second_max;
};

LeadInfo lead_info(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead >= 0xE1 && lead <= 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  return {1, 0, 0};  // never a lead byte
}

}  // namespace

std::size_t invalid_utf8_length(std::string_view text, std::size_t pos) {
  const LeadInfo info = lead_info(static_cast<unsigned char>(text[pos]));
  std::size_t length = 1;
  while (length < info.length && pos + length < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos + length]);
    const bool ok =
        length == 1 ? (c >= info.second_min && c <= info.second_max) : (c >= 0x80 && c <= 0xBF);
    if (!ok) break;
    ++length;
  }
  return length;
}

void append_utf8_replacing(std::string& out, std::string_view bytes) {
  std::size_t pos = 0;
  std::size_t run = 0;  // start of the pending run of valid bytes
  while (pos < bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (const auto c = decode_utf8(bytes, pos)) {
      pos += c->length;
      continue;
    }
    out.append(bytes, run, pos - run);
    out += kReplacementCharacter;
    pos += invalid_utf8_length(bytes, pos);
    run = pos;
  }
  out.append(bytes, run, pos - run);
}

}  // namespace squall::detail
