// runtime/format_spec.hpp: the format-specification mini-language shared by int, float and str
// __format__ (format(), str.format, f-strings): [[fill]align][sign][z][#][0][width][grouping][.precision][type].
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "result.hpp"

namespace eddy::rt {

class Interp;

struct FormatSpec {
    char32_t fill = U' ';
    char align = 0;           // '<', '>', '^', '=' or 0 when absent
    char sign = 0;            // '+', '-', ' ' or 0
    bool alternate = false;   // '#'
    bool zero_pad = false;    // '0'
    bool no_neg_zero = false; // 'z'
    int width = -1;
    char grouping = 0;        // ',' or '_' or 0
    int precision = -1;
    char type = 0;            // 'd', 'f', 'e', 'g', 's', 'x', '%', ... or 0
};

// Parses `spec` as CPython's parse_internal_render_format_spec for an object of type `type_name`
// whose default presentation type is `default_type` ('s' for str, 'd' for int, 0 for float; it
// only decides which types may take ',' or '_'). `type` stays 0 when the spec has none. A '0'
// before the width sets fill '0' and zero_pad; zero_pad with no explicit align means '=' for
// numbers. Malformed specs raise CPython's ValueErrors ("Invalid format specifier ...").
Result<FormatSpec> parse_format_spec(Interp& in, std::string_view spec, std::string_view type_name,
                                     char default_type);
// The same for str.
Result<FormatSpec> parse_format_spec(Interp& in, std::string_view spec);

// Pads `body` (UTF-8, `body_len` code points) to spec.width with spec.fill by spec.align
// (`default_align` when the spec has none).
std::string pad_formatted(std::string_view body, size_t body_len, const FormatSpec& spec, char default_align);

// Lays out a formatted number as CPython's calc_number_widths + fill_number: sign ("", "-",
// "+", " "), prefix ("0x"), integer digits (ASCII) grouped by spec.grouping every
// `group_size`, then the remainder (".25e+10", "%", "inf"), padded to spec.width (default
// alignment right; '=' pads after sign and prefix, zero-padding extends the grouped digits).
std::string format_number(std::string_view sign, std::string_view prefix, std::string_view digits,
                          std::string_view remainder, const FormatSpec& spec, int group_size);

// format(v, spec) for an int (int.__format__) and for a float (float.__format__), as the text.
Result<std::string> int_format_spec(Interp& in, Value v, std::string_view spec);
Result<std::string> float_format_spec(Interp& in, double d, std::string_view spec);

} // namespace eddy::rt
