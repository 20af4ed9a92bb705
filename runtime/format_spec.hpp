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

// Parses `spec`; on a malformed spec raises ValueError ("Invalid format specifier") and fails.
Result<FormatSpec> parse_format_spec(Interp& in, std::string_view spec);

// Pads `body` (UTF-8, `body_len` code points) to spec.width with spec.fill by spec.align
// (`default_align` when the spec has none).
std::string pad_formatted(std::string_view body, size_t body_len, const FormatSpec& spec, char default_align);

} // namespace eddy::rt
