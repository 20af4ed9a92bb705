// cli/edit_reader.cpp: the REPL's line source on a terminal, through libedit (BSD licence, in
// Debian as libedit-dev; GNU readline would make the program GPL). Emacs-style editing, history
// kept in a file between sessions, Tab completion of names and attributes from
// Interpreter::complete. Reads its own characters so that Ctrl-C (EINTR) abandons the line.
#include <cerrno>
#include <climits>
#include <clocale>
#include <cstdio>
#include <cstring>
#include <cwchar>
#include <eddy/eddy.hpp>
#include <unistd.h>

#include "cli/interrupt.hpp"
#include "cli/line_reader.hpp"

#ifdef EDDY_HAVE_LIBEDIT
#include <histedit.h>
#endif

namespace eddy::cli {

#ifdef EDDY_HAVE_LIBEDIT

namespace {

// The longest common prefix of `words` (non-empty).
std::string common_prefix(const std::vector<std::string>& words) {
    std::string prefix = words.front();
    for (const std::string& w : words) {
        size_t n = 0;
        while (n < prefix.size() && n < w.size() && prefix[n] == w[n]) ++n;
        prefix.resize(n);
    }
    return prefix;
}

bool is_name_char(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || c == '.' || u >= 0x80;
}

// Lists the candidates below the line, in columns, as readline does on a second Tab.
void print_candidates(const std::vector<std::string>& words) {
    size_t width = 0;
    for (const std::string& w : words) width = std::max(width, w.size());
    width += 2;
    size_t columns = std::max<size_t>(1, 80 / width);
    std::fputc('\n', stdout);
    for (size_t i = 0; i < words.size(); ++i) {
        bool last = (i + 1) % columns == 0 || i + 1 == words.size();
        if (last)
            std::fprintf(stdout, "%s\n", words[i].c_str());
        else
            std::fprintf(stdout, "%-*s", int(width), words[i].c_str());
    }
    std::fflush(stdout);
}

class EditReader final : public LineReader {
public:
    EditReader(Interpreter& py, std::string history_file)
        : m_py(py), m_history_file(std::move(history_file)) {
        m_el = el_init("eddy", stdin, stdout, stderr);
        m_history = history_init();
        history(m_history, &m_event, H_SETSIZE, 1000);
        history(m_history, &m_event, H_SETUNIQUE, 1);
        if (!m_history_file.empty()) history(m_history, &m_event, H_LOAD, m_history_file.c_str());
        el_set(m_el, EL_CLIENTDATA, this);
        el_set(m_el, EL_EDITOR, "emacs");
        el_set(m_el, EL_PROMPT, &EditReader::prompt);
        el_set(m_el, EL_GETCFN, &EditReader::get_char);
        el_set(m_el, EL_HIST, history, m_history);
        el_set(m_el, EL_ADDFN, "eddy-complete", "Complete a name or attribute",
               &EditReader::complete);
        el_set(m_el, EL_BIND, "^I", "eddy-complete", nullptr);
        el_source(m_el, nullptr);   // the user's ~/.editrc
    }

    ~EditReader() override {
        save_history();
        history_end(m_history);
        el_end(m_el);
    }

    Status read(const char* prompt, std::string& line) override {
        m_prompt = prompt;
        take_interrupt();
        std::fflush(stdout);
        int count = 0;
        const char* text = el_gets(m_el, &count);
        if (!text || count <= 0) {
            if (!take_interrupt()) return Status::Eof;
            el_reset(m_el);
            return Status::Interrupted;
        }
        line.assign(text, size_t(count));
        std::string entry = line;
        if (!entry.empty() && entry.back() == '\n') entry.pop_back();
        if (entry.find_first_not_of(" \t") != std::string::npos) {
            history(m_history, &m_event, H_ENTER, entry.c_str());
            save_history();
        }
        return Status::Line;
    }

private:
    void save_history() {
        if (!m_history_file.empty()) history(m_history, &m_event, H_SAVE, m_history_file.c_str());
    }

    static EditReader* self(EditLine* el) {
        void* data = nullptr;
        el_get(el, EL_CLIENTDATA, &data);
        return static_cast<EditReader*>(data);
    }

    static char* prompt(EditLine* el) { return self(el)->m_prompt.data(); }

    // One character from stdin, decoded from the locale's multibyte encoding. Returns 1, 0 at end
    // of input, -1 when Ctrl-C interrupted the read (el_gets then returns null).
    static int get_char(EditLine* el, wchar_t* out) {
        char bytes[MB_LEN_MAX];
        size_t len = 0;
        for (;;) {
            if (len == 0 && !wait_for_input(STDIN_FILENO, &self(el)->m_py)) return -1;
            unsigned char b;
            ssize_t n = ::read(STDIN_FILENO, &b, 1);
            if (n < 0 && errno == EINTR) {
                if (interrupt_pending()) return -1;
                continue;
            }
            if (n <= 0) return n == 0 && len == 0 ? 0 : -1;
            bytes[len++] = char(b);
            std::mbstate_t state{};
            wchar_t wc = 0;
            size_t r = std::mbrtowc(&wc, bytes, len, &state);
            if (r == size_t(-2) && len < sizeof bytes) continue;   // more bytes of this character
            *out = r <= len ? wc : wchar_t(static_cast<unsigned char>(bytes[0]));
            return 1;
        }
    }

    // Tab: indents at the start of a line; otherwise completes the name before the cursor as far
    // as all candidates agree, and lists them when they agree no further.
    static unsigned char complete(EditLine* el, int) {
        const LineInfo* info = el_line(el);
        std::string before(info->buffer, info->cursor);
        size_t start = before.size();
        while (start > 0 && is_name_char(before[start - 1])) --start;
        std::string word = before.substr(start);
        if (word.empty()) {
            if (before.find_first_not_of(" \t") != std::string::npos) return CC_ERROR;
            el_insertstr(el, "    ");
            return CC_REFRESH;
        }
        std::vector<std::string> found = self(el)->m_py.complete(word);
        if (found.empty()) return CC_ERROR;
        std::string prefix = common_prefix(found);
        if (prefix.size() > word.size()) {
            el_insertstr(el, prefix.substr(word.size()).c_str());
            return CC_REFRESH;
        }
        if (found.size() == 1) return CC_REFRESH;
        print_candidates(found);
        return CC_REDISPLAY;
    }

    Interpreter& m_py;
    std::string m_history_file;
    std::string m_prompt;
    EditLine* m_el = nullptr;
    History* m_history = nullptr;
    HistEvent m_event{};
};

} // namespace

std::unique_ptr<LineReader> make_editing_reader(Interpreter& py, const std::string& history_file) {
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return nullptr;
    // libedit decodes and encodes the line with the locale's character set (UTF-8 input needs a
    // UTF-8 LC_CTYPE); only the character type is taken from the environment.
    std::setlocale(LC_CTYPE, "");
    return std::make_unique<EditReader>(py, history_file);
}

#else

std::unique_ptr<LineReader> make_editing_reader(Interpreter&, const std::string&) { return nullptr; }

#endif

} // namespace eddy::cli
