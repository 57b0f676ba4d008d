// The only place that invents C++ identifiers for generated code.
//
// Every identifier starts with `squall_` and never contains a double underscore or a
// leading underscore, so nothing collides with user code or with names C++ reserves.
#pragma once

#include <string>
#include <string_view>

namespace squall::cg {

/// mangle_template is the render function name of template `name`: injective (every byte
/// that is not an ASCII letter or digit, `_` included, becomes `_` plus two hex digits), so
/// `a/b.html` and `a_b.html` never clash: `squall_ta_2fb_2ehtml`, `squall_ta_5fb_2ehtml`.
std::string mangle_template(std::string_view name);

/// mangle_layout is the function of layout `name` that renders its body calling blocks
/// through a table (sema/layout_sharing.hpp): `squall_layout_` then mangle_template's
/// encoding, so injective too.
std::string mangle_layout(std::string_view name);

/// mangle_block is the function of block number `index` (named `name`) of a layout table
/// generated in the file of template `owner`: mangle_template(owner) then `_block0_title`.
/// Unique in a namespace (`_b` then `l` is no byte of mangle_template's encoding), as the
/// conformance suite compiles several generated files as one translation unit.
std::string mangle_block(std::string_view owner, int index, std::string_view name);

/// readable returns `name` with every run of bytes that are not ASCII letters or digits
/// collapsed to one `_`: a hint appended to numbered identifiers (`x__y` -> `x_y`). Not
/// injective; callers make names unique with a number.
std::string readable(std::string_view name);

/// is_cpp_keyword tells whether `s` is a C++ keyword, or `std` or `squall` (names
/// generated code must not reopen or shadow).
bool is_cpp_keyword(std::string_view s);

/// mangle_local is the C++ variable of local slot `slot` (`squall_l3_name`).
std::string mangle_local(int slot, std::string_view name);

/// mangle_global is the per-render lookup of global number `index` (`squall_g0_len`).
std::string mangle_global(int index, std::string_view name);

/// kAttrsObject is the one static object of a generated function whose members are its
/// rt::Attrs: one thread-safe initialisation (guard, abort path) per function, not per name.
inline constexpr std::string_view kAttrsObject = "squall_attrs";

/// mangle_attr is the member of kAttrsObject holding the rt::Attr of attribute number
/// `index` (`squall_a0_title`; code reads it as `squall_attrs.squall_a0_title`).
std::string mangle_attr(int index, std::string_view name);

/// mangle_temp is a numbered temporary of a kind (`squall_it4`, `squall_buf2`).
std::string mangle_temp(std::string_view kind, int number);

/// mangle_bound is a lambda parameter or comprehension variable (`squall_p2_x`).
std::string mangle_bound(int number, std::string_view name);

/// mangle_escaper is the per-render escaper of escape function number `index`.
std::string mangle_escaper(int index, std::string_view name);

/// Fixed names of the generated render function.
inline constexpr const char* kStateVar = "squall_ctx";  // the RenderState parameter
inline constexpr const char* kOutVar = "squall_out";    // the output buffer
inline constexpr const char* kPosVar = "squall_pos";    // row of the running statement
inline constexpr const char* kPositionsVar = "squall_positions";
inline constexpr const char* kErrorVar = "squall_error";

}  // namespace squall::cg
