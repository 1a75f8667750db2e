#ifndef GAZETTE_CNCURSES_SHIM_H
#define GAZETTE_CNCURSES_SHIM_H

// The wide API of ncurses is only declared when this is set before the include;
// a define from cSettings or pkg-config does not reach Swift's importer.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <ncursesw/curses.h>

// glibc hides wcwidth behind feature macros Swift does not set.
extern int wcwidth(wchar_t c);

// Attribute macros and globals Swift 6 cannot import or use.
static const unsigned int gz_A_NORMAL = A_NORMAL;
static const unsigned int gz_A_BOLD = A_BOLD;
static const unsigned int gz_A_UNDERLINE = A_UNDERLINE;
static const unsigned int gz_A_REVERSE = A_REVERSE;
static const unsigned int gz_A_DIM = A_DIM;
static const unsigned int gz_A_ITALIC = A_ITALIC;
static const int gz_KEY_RESIZE = KEY_RESIZE;
static const int gz_KEY_UP = KEY_UP;
static const int gz_KEY_DOWN = KEY_DOWN;
static const int gz_KEY_LEFT = KEY_LEFT;
static const int gz_KEY_RIGHT = KEY_RIGHT;
static const int gz_KEY_NPAGE = KEY_NPAGE;
static const int gz_KEY_PPAGE = KEY_PPAGE;
static const int gz_KEY_HOME = KEY_HOME;
static const int gz_KEY_END = KEY_END;
static const int gz_KEY_BACKSPACE = KEY_BACKSPACE;
static const int gz_KEY_ENTER = KEY_ENTER;
static const int gz_KEY_DC = KEY_DC;
static const int gz_KEY_BTAB = KEY_BTAB;
static const int gz_KEY_CODE_YES = KEY_CODE_YES;
static const int gz_ERR = ERR;
static const int gz_OK = OK;

static inline WINDOW *gz_stdscr(void) { return stdscr; }
static inline WINDOW *gz_curscr(void) { return curscr; }
static inline int gz_cchar_max(void) { return CCHARW_MAX; }
static inline unsigned int gz_color_pair(short n) { return (unsigned int)COLOR_PAIR(n); }
static inline int gz_key_f(int n) { return KEY_F(n); }
static inline int gz_has_colors(void) { return has_colors() ? 1 : 0; }
static inline int gz_colors(void) { return COLORS; }

// Draw one terminal cell at (y, x): a spacing character, then n - 1 (at most CCHARW_MAX - 1) more
// the terminal draws in the same cell. setcchar() would stop at the first character that is not
// zero-width, and the terminal joins what follows a ZWJ (the rocket of 🧑‍🚀) into the cell, so
// the characters after the first are copied in as they are.
static inline int gz_put_cell(WINDOW *w, int y, int x, const wchar_t *wcs, int n, unsigned int attrs, short pair) {
    cchar_t cc;
    wchar_t first[2] = { wcs[0], 0 };
    if (n < 1 || n > CCHARW_MAX || setcchar(&cc, first, (attr_t)attrs, pair, NULL) != OK) return ERR;
    for (int i = 1; i < n; i++) cc.chars[i] = wcs[i];
    return mvwadd_wch(w, y, x, &cc);
}

// A terminfo string capability, or NULL when the terminal has none (tigetstr's -1: not a string).
static inline const char *gz_cap(const char *name) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

// The same with one or two parameters applied; tiparm is variadic, out of Swift's reach.
static inline const char *gz_cap1(const char *name, int p) {
    const char *s = gz_cap(name);
    return s == NULL ? NULL : tiparm(s, p);
}
static inline const char *gz_cap2(const char *name, int p1, int p2) {
    const char *s = gz_cap(name);
    return s == NULL ? NULL : tiparm(s, p1, p2);
}

// Where ncurses last left the terminal's cursor (after doupdate: curscr's cursor).
static inline int gz_screen_cursor_y(void) { return getcury(curscr); }
static inline int gz_screen_cursor_x(void) { return getcurx(curscr); }

static inline int gz_wget_wch(WINDOW *w, int *isKey, unsigned int *out) {
    wint_t ch = 0;
    int rc = wget_wch(w, &ch);
    *out = (unsigned int)ch;
    *isKey = (rc == KEY_CODE_YES) ? 1 : 0;
    return rc;
}

// The mouse: presses of the first button and the wheel (buttons 4 and 5), reported at once.
static inline void gz_enable_mouse(void) {
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}
static const int gz_KEY_MOUSE = KEY_MOUSE;
// 0: nothing usable, 1: a click, 2: wheel up, 3: wheel down; the cell in *y, *x.
static inline int gz_get_mouse(int *y, int *x) {
    MEVENT e;
    if (getmouse(&e) != OK) return 0;
    *y = e.y;
    *x = e.x;
    if (e.bstate & BUTTON4_PRESSED) return 2;
    if (e.bstate & BUTTON5_PRESSED) return 3;
    if (e.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    return 0;
}

// A terminal ncurses can draw on moves its cursor; "dumb" and its kind cannot.
static inline int gz_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}


#endif
