#!/usr/bin/env python3
"""Writes a folder of hostile article files for Gazette's end-to-end tests.

    make-hostile.py OUTDIR [--small | --big-only | --names-only | --html | --html-big MB] [--hostile-names] [--list]

Nothing here is committed as a binary: every file is generated, deterministically
(the random bytes come from a fixed seed). OUTDIR is created if needed.

What it writes (file name -> what it tests):
  articles that must be served (sanitised, never a control sequence on output),
  files that must be refused with a one-line reason (empty, binary, ...), and
  special entries: a FIFO, symlinks to /dev/zero and /dev/urandom, symlink loops,
  a dangling symlink (a file gone before it is read), a folder named like an
  article, a socket, and a chmod 000 file.

--small          skip the two big files (50 MB single line, 200,000 lines)
--big-only       write only the two big files
--names-only     write only the articles with hostile file names
--html           write only the hostile HTML pages (h*.html, see html_files()); the one with
                 escapes in its metadata (a known bug) goes to OUTDIR-meta
--html-big MB    write only one HTML page of MB megabytes on a single line
--hostile-names  also write articles whose *file names* carry ESC, C1, bidi and
                 newline characters, or a byte that is not UTF-8 (paths are
                 printed by `check`, `toc` and in error messages)
--list           print one line per entry: NAME<TAB>EXPECT where EXPECT is
                 "article", "refused" or "folder" (read as a subfolder: neither);
                 entries that could not be created are left out.
"""
import os
import random
import socket
import stat
import sys

ESC = "\x1b"
BEL = "\x07"
CSI_CLEAR = ESC + "[2J"
CSI_RED = ESC + "[31m"
CSI_RESET = ESC + "[0m"
OSC_TITLE = ESC + "]0;PWNED-TITLE" + BEL          # sets the window title
OSC_TITLE_ST = ESC + "]2;PWNED-TITLE2" + ESC + "\\"  # ... with ST instead of BEL
OSC_CLIP = ESC + "]52;c;cm0gLXJmIH4K" + BEL       # writes "rm -rf ~" to the clipboard
DCS = ESC + "Pq#0;2;0;0;0#1;2;100;100;0" + ESC + "\\"   # sixel-ish device control string
C1_CSI = "\u009b2J"                               # 8-bit CSI, as UTF-8 (C2 9B)
C1_OSC = "\u009d0;PWNED-C1\u009c"                 # 8-bit OSC ... ST
ALL_ESCAPES = CSI_CLEAR + CSI_RED + OSC_TITLE + OSC_CLIP + DCS + C1_CSI + C1_OSC + OSC_TITLE_ST + CSI_RESET

BODY = ("The council met on Tuesday evening to discuss the proposal in detail, and several "
        "members asked for more time to read the report before any vote is taken on it.")


def article(title, blocks, prev=None, next_=None, repeats=1):
    """The format of docs/FORMAT.md, as a str."""
    lines = [title, ""] + [title] * repeats + ["-", ""]
    for i, b in enumerate(blocks):
        if i:
            lines.append("")
        lines.append(b)
    lines += ["", "-", ""]
    if prev is not None:
        lines.append("PREV " + prev)
    if next_ is not None:
        lines.append("NEXT " + next_)
    return "\n".join(lines)


# Titles of the chained hostile articles: each NEXT names the next one *with its
# control characters*, so the links must still resolve after sanitising. The chain:
# b03_title_and_links -> d01_escapes -> e01_bidi -> c02_zero_width -> c03_invisible_title
T_ESC = "Escapes " + CSI_CLEAR + CSI_RED + "in the" + CSI_RESET + " title " + OSC_TITLE + OSC_CLIP + DCS + C1_CSI + C1_OSC
T_BIDI = "Bidi \u202eevil txt.exe\u202c and \u2066isolated\u2069 \u2067rtl\u2069 \u2068fsi\u2069 \u202a\u202b\u202d title"
T_ZW = "Zero\u200bwidth\u200c join\u200d\u2060ers\ufeff and \u00adsoft hyphen"
T_UTF8 = None  # bytes, see below


def files(rng):
    """(name, bytes, expect) for every regular file."""
    out = []

    def add(name, data, expect="article"):
        if isinstance(data, str):
            data = data.encode("utf-8")
        out.append((name, data, expect))

    # --- refused: binary, empty ------------------------------------------------
    add("a01_random.txt", bytes(rng.getrandbits(8) for _ in range(64 * 1024)), "refused")
    add("a02_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
        + bytes(rng.getrandbits(8) for _ in range(2000)) + b"\x00\x00\x00\x00IEND\xaeB`\x82", "refused")
    add("a03_nul_early.txt", b"Title with a NUL\x00 in it\n\n-\n\n" + BODY.encode() + b"\n", "refused")
    add("a04_empty.txt", b"", "refused")
    add("a05_whitespace.txt", b" \n\t\r\n   \n\n", "refused")
    add("a06_utf16.txt", "\ufeffA UTF-16 article\n\n-\n\n".encode("utf-16-le") + BODY.encode("utf-16-le"), "refused")
    add("a07_controls.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x0b, 0x0e, 0x0f, 0x10]) * 40 + b"\nTitle\n", "refused")

    # --- served, odd shapes --------------------------------------------------------
    add("b01_title_only.txt", "Only a title, no newline")
    add("b02_title_only_nl.txt", "Only a title with a newline\n\n\n")
    add("b03_title_and_links.txt", "A title and links only\n\n-\n\nPREV Nothing before\nNEXT " + T_ESC)
    add("b04_repeated_titles.txt", article("The same title again and again", [BODY, "A heading after repeats", BODY + " " + BODY],
                                           prev=None, next_="Nothing after", repeats=1000))
    add("b05_repeats_no_separator.txt", "\n".join(["Repeated title, no separator"] * 1000) + "\n\n" + BODY + "\n\nNEXT x")
    add("b06_only_separators.txt", "-\n-\n—\n–\n-\n", "refused")
    add("b07_only_prev.txt", "PREV only a link line\n")
    add("b08_nul_late.txt", "NUL after the first 8 kB\n\n-\n\n" + (BODY + "\n\n") * 60 + "Here \x00 is a NUL.\n\n" + BODY)
    add("b09_lone_cr.txt", "Title\rInjected over the title by a carriage return\r\r-\r\r" + BODY + "\r\rPREV a\rNEXT b")
    add("b10_long_title.txt", "Long title " + "é" * 5000 + " end\n\n-\n\n" + BODY)
    add("b11_one_line_no_newline.txt", "x" * (2 * 1024 * 1024))
    add("b12_tabs.txt", "Tabs\tin\tthe\ttitle\n\n-\n\n" + "\t" * 5000 + "word\t" * 2000 + "\n\n-\n\nPREV \tp\nNEXT n\t")
    add("b13_separators_u2028.txt", "Line\u2028separator\u2029title\n\n-\n\n" + BODY.replace(" ", "\u2028") + "\n")

    # --- combining marks, zero width ----------------------------------------------
    zalgo = "Z" + "\u0301" * 10000
    add("c01_combining.txt", article("Combining " + zalgo + " title", [
        "Lede " + zalgo + " " + BODY,
        "Heading " + "a" + "\u0308" * 10000,
        "Body " + ("e" + "\u0300" * 3000 + " ") * 5 + BODY,
        "\u0301" * 10000 + " starts with marks. " + BODY,
    ], prev=zalgo, next_="Combining " + zalgo + " title"))
    add("c02_zero_width.txt", article(T_ZW, [
        "Lede with \u200b\u200b\u200b zero widths and a word\u200bjoined\u200bby\u200bzwsp " + "\u200b" * 5000 + " " + BODY,
        "Heading\u200d\u200c with joiners",
        BODY + " " + "\u2060" * 3000 + " " + "\ufeff" * 3000,
        "\u200b" * 20,  # a block of zero-width characters only
    ], prev=T_BIDI, next_="\u200b\u200b"))
    add("c03_invisible_title.txt", article("\u200b\u200b", [BODY], prev=T_ZW, next_=None))

    # --- escape sequences everywhere -------------------------------------------------
    add("d01_escapes.txt", article(T_ESC, [
        "Lede " + ALL_ESCAPES + " " + BODY,
        "Heading " + CSI_RED + "red" + CSI_RESET + " " + OSC_TITLE + " " + C1_CSI + " here",
        BODY + " " + OSC_CLIP + " " + DCS + " " + ESC + "c" + ESC + "[?1049h" + ESC + "[6n" + ESC + "[?25l",
        "Second heading " + DCS,
        BODY + " Tail " + "\u0085\u0090\u0098\u009a\u009b\u009c\u009d\u009e\u009f" + " " + "\x7f\x08\x08\x08\x0c\x0b\x1c\x1f",
    ], prev="A title and links only", next_=T_BIDI))
    # Raw 0x9B byte (not valid UTF-8: a lone C1 CSI on 8-bit terminals) and other raw C1 bytes.
    raw = (b"Raw C1 \x9b2J byte \x9d0;PWNED-RAW\x9c in the title\n\n-\n\n"
           b"Lede \x9b31m raw \x9b byte \x90q\x9c " + BODY.encode() + b"\n\n"
           b"Heading \x9b31m raw\n\n" + (BODY + " ").encode() * 2 + b"\x9b0m\n\n-\n\n"
           b"PREV \x9b2J" + T_ESC.encode() + b"\nNEXT \x9b" + T_ZW.encode())
    add("d02_raw_c1.txt", raw)
    add("d03_escape_only_title.txt", ESC + "[2J" + ESC + "[H\n\n-\n\n" + BODY + "\n\nPREV " + ESC + "]0;x" + BEL + "\nNEXT " + ESC + "[31m")

    # --- bidi ----------------------------------------------------------------------
    add("e01_bidi.txt", article(T_BIDI, [
        "Lede \u202egnirts desrever\u202c " + BODY,
        "Heading \u2066isolated\u2069 \u202eevig\u202c",
        BODY + " \u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 " + "\u202e" * 4000,
        "\u202e\u2066" * 50,  # a block of bidi controls only
    ], prev=T_ESC, next_=T_ZW))

    # --- invalid UTF-8 ---------------------------------------------------------------
    bad = (b"Invalid \xc0\xaf overlong \xe0\x80\xaf utf8 \xed\xa0\x80 title \xf4\x90\x80\x80 \xff\xfe\n\n-\n\n"
           b"Lede \xc0\xaf\xc1\xbf\xe0\x80\xaf\xf0\x80\x80\xaf \x80\x80\x80 lone continuation, " + BODY.encode() + b"\n\n"
           b"Heading \xe2\x82 truncated\n\n" + BODY.encode() + b" \xf8\x88\x80\x80\x80 five-byte \xfc\x84\x80\x80\x80\x80 six\n\n"
           b"-\n\nPREV \xc0\xafnowhere\nNEXT " + T_ESC.encode() + b"\xe2\x82")
    add("f01_invalid_utf8.txt", bad)
    add("f02_bom_then_garbage.txt", b"\xef\xbb\xbf\xef\xbb\xbfDouble BOM title\n\n-\n\n" + b"\xc3" * 3000 + b"\n")
    return out


def big_files():
    """The two big ones, as (name, writer)."""
    def line_50mb(f):
        f.write(b"A fifty megabyte single line\n\n-\n\n")
        word = b"lorem ipsum dolor sit amet, consectetur " + ESC.encode() + b"[2J adipiscing elit "
        n = 50 * 1024 * 1024 // len(word)
        chunk = word * 4096
        for _ in range(n // 4096):
            f.write(chunk)
        f.write(word * (n % 4096))
        f.write(b"\n\n-\n\nPREV Nothing before the big ones\nNEXT Two hundred thousand lines")

    # 200,000 blocks of one letter: far past every size the reader holds whole (8,000 lines),
    # at a fifth of the million it once had (that took 17 s of `make test` in a debug build).
    def many(f):
        f.write(b"Two hundred thousand lines\n\n-\n\n")
        letters = b"abcdefghijklmnopqrstuvwxyz"
        f.write(b"".join(letters[i % 26:i % 26 + 1] + b"\n" for i in range(200_000)))
        f.write(b"\n-\n\nPREV A fifty megabyte single line\nNEXT Nothing")

    return [("g01_line_50mb.txt", line_50mb), ("g02_many_lines.txt", many)]


def special(outdir):
    """Entries that are not regular files: (name, expect) for those created."""
    made = []

    def attempt(name, fn, expect="refused"):
        path = os.path.join(outdir, name)
        try:
            if os.path.lexists(path):
                if os.path.isdir(path) and not os.path.islink(path):
                    os.rmdir(path)
                else:
                    os.chmod(path, 0o644) if not os.path.islink(path) else None
                    os.unlink(path)
            fn(path)
            made.append((name, expect))
        except OSError as e:
            print(f"make-hostile: could not create {name}: {e}", file=sys.stderr)

    attempt("s01_fifo.txt", lambda p: os.mkfifo(p))
    attempt("s02_zero.txt", lambda p: os.symlink("/dev/zero", p))
    attempt("s03_urandom.txt", lambda p: os.symlink("/dev/urandom", p))
    attempt("s04_loop.txt", lambda p: os.symlink(p, p))
    attempt("s05_loop_a.txt", lambda p: os.symlink(os.path.join(outdir, "s05_loop_b.txt"), p))
    attempt("s05_loop_b.txt", lambda p: os.symlink(os.path.join(outdir, "s05_loop_a.txt"), p))
    attempt("s06_gone.txt", lambda p: os.symlink(os.path.join(outdir, "no-such-file"), p))
    # A folder is read as a folder (a subfolder, empty), whatever its name: neither served nor refused.
    attempt("x.txt", lambda p: os.mkdir(p), "folder")

    def sock(p):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.bind(p)
        s.close()
    attempt("s07_socket.txt", sock)

    def unreadable(p):
        with open(p, "w") as f:
            f.write(article("Unreadable", [BODY], prev="p", next_="n"))
        os.chmod(p, 0)
    # As root, chmod 000 does not stop reading: the file is then an article.
    if os.geteuid() == 0:
        path = os.path.join(outdir, "s08_unreadable.txt")
        try:
            if os.path.lexists(path):
                os.unlink(path)
            unreadable(path)
            made.append(("s08_unreadable.txt", "article"))
        except OSError as e:
            print(f"make-hostile: could not create s08_unreadable.txt: {e}", file=sys.stderr)
    else:
        attempt("s08_unreadable.txt", unreadable)
    return made


def hostile_names():
    """Articles whose file names carry control characters."""
    names = [
        "n01_esc_" + OSC_TITLE + CSI_CLEAR + ".txt",
        "n02_c1_\u009b2J.txt",
        "n03_bidi_\u202etxt.exe\u202c.txt",
        "n04_new\nline.txt",
        b"n05_raw_\x9b2J_not_utf8.txt",
    ]
    return [(n, article("Hostile name %d" % i, [BODY], prev="x", next_="y").encode()) for i, n in enumerate(names)]


# --- HTML pages (issue 19): the hostile catalogue for the HTML reader ------------------------
SECRET = "SECRET-NEVER-SHOWN"


def page(title, body, head="", charset="utf-8"):
    """A page as str: a head with its title, then the body."""
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"%s\"><title>%s</title>%s</head>\n<body>%s</body></html>\n"
            % (charset, title, head, body))


def links(me, prev=None, next_=None):
    """<link> lines: the page's own address and its neighbours' (the chain through the hostile pages)."""
    out = '<link rel="canonical" href="https://hostile.example/%s">' % me
    if prev:
        out += '<link rel="prev" href="/%s">' % prev
    if next_:
        out += '<link rel="next" href="/%s">' % next_
    return out


def html_files(rng):
    """(name, bytes, expect) for the hostile HTML pages. Chain: h01 -> h09 -> h10."""
    out = []

    def add(name, data, expect="article"):
        if isinstance(data, str):
            data = data.encode("utf-8")
        out.append((name, data, expect))

    add("h01_misnested.html", page("Misnested and unclosed tags", (
        "<div><p>One <b>bold <i>both</b> italic</i> end. " + BODY +
        "<p>Two <table><tr><td>cell <p>para in cell</td></table> after. " + BODY +
        "<h2>Heading <p>inside a heading</h2><p>Under the heading. " + BODY +
        "<ul><li>first item<li>second item<ol><li>nested item</ul>"
        "<div><span><div><p>Deep and unclosed. " + BODY + "<p>Cut in a tag <a hr"), links("h01", None, "h09")))
    depth = 100_000
    add("h02_nested_100k.html", page("A hundred thousand nested elements",
        "<p>Before the nest. " + BODY + "</p>" + "<div>" * depth + "deep text" + "</div>" * depth
        + "<p>After the nest. " + BODY + "</p>"))
    add("h03_nul.html", b"<html><head><title>NUL\x00bytes in a page</title></head><body><p>Text\x00with\x00NULs. "
        + BODY.encode() + b"</p></body></html>")
    add("h04_binary.html", bytes(rng.getrandbits(8) for _ in range(64 * 1024)), "refused")
    add("h05_png.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.getrandbits(8) for _ in range(2000)), "refused")
    add("h06_script_only.html", "<!doctype html><html><head><script>document.title = 'x';</script><style>p{}</style>"
        "</head><body><script>for (;;) { render('" + SECRET + "') }</script><template><p>" + SECRET
        + "</p></template></body></html>", "refused")
    add("h07_wrong_charset.html", page("Declared latin-1, written in UTF-8: Café crème 東京",
        "<p>Größer als „hier“. " + BODY + "</p>", charset="iso-8859-1"))
    # A UTF-8 page (its accents are well-formed) with a few bad bytes: U+FFFD for each, and a warning.
    accents = "<p>Über die Brücke gehen Fußgänger, café, crème, 東京. " + BODY + "</p>"
    add("h08_invalid_bytes.html", b"<html><head><meta charset=\"utf-8\"><title>Invalid \xc0\xaf bytes \xff in the title"
        b"</title></head><body><p>Lone \x80 continuation \xe2\x82 truncated \xed\xa0\x80 surrogate. " + BODY.encode()
        + b"</p>" + accents.encode() * 5 + b"</body></html>")
    esc_refs = ("&#27;[2J&#x1b;[31m&#27;]0;PWNED-TITLE&#7;&#27;]52;c;cm0gLXJmIH4K&#7;&#x9b;2J&#x9d;0;x&#x9c;"
                "&#x202e;evil&#x202c;&#x2066;iso&#x2069;&#127;&#0;")
    raw = ALL_ESCAPES + "\u202eevil\u202c"
    add("h09_escapes.html", page("Escapes " + raw + " in the title " + esc_refs + " end",
        "<article><h1>Escapes " + raw + " in the title " + esc_refs + " end</h1>"
        '<p class="' + raw + '" title="' + esc_refs + '">Lede ' + raw + " " + esc_refs + " " + BODY + "</p>"
        '<h2 id="' + raw + '">Heading ' + CSI_RED + "red" + CSI_RESET + " " + esc_refs + "</h2>"
        "<p>Paragraph <a href=\"" + raw + "\">a link " + raw + "</a> " + BODY + "</p>"
        "<pre>code " + raw + "\nsecond " + esc_refs + "</pre><ul><li>item " + raw + "</li></ul>"
        "</article>",
        head='<meta name="author" content="Mallory ' + raw + '">' + links("h09", "h01", "h10")))
    add("h10_never_shown.html", page("Scripts, styles, hidden elements and comments are never shown", (
        "<!-- " + SECRET + "-comment-top --><article>"
        "<p>Visible one. " + BODY + "</p>"
        "<script>document.write('" + SECRET + "-script')</script>"
        "<style>p::after { content: '" + SECRET + "-style' }</style>"
        "<noscript>" + SECRET + "-noscript</noscript><template><p>" + SECRET + "-template</p></template>"
        "<p>Visible <!-- " + SECRET + "-comment-inline --> two. " + BODY + "</p>"
        "<div hidden><p>" + SECRET + "-hidden</p></div>"
        '<div style="display: none"><p>' + SECRET + "-display-none</p></div>"
        '<div aria-hidden="true"><p>' + SECRET + "-aria-hidden</p></div>"
        '<div class="visually-hidden"><p>' + SECRET + "-class-hidden</p></div>"
        "<h2>A heading <script>'" + SECRET + "-in-heading'</script>kept</h2>"
        "<p>Visible three. " + BODY + "</p></article>"),
        head="<style>body::before { content: '" + SECRET + "-head-style' }</style><script>var s = '" + SECRET
        + "-head-script';</script>" + links("h10", "h09", None)))
    # Escapes in what is read from attributes: the date (<time datetime>) and the addresses
    # (<link href>). A known bug (e2e-hostile.sh checks it apart, as an expected failure).
    add("h13_meta_escapes.html", page("Escapes in the page's metadata",
        "<article><p>" + BODY + "</p><p>" + BODY + '</p><time datetime="2024-03-12' + raw + '">12 March</time></article>',
        head='<link rel="canonical" href="https://hostile.example/h13' + raw + '">'), "meta")
    add("h11_empty.html", b"", "refused")
    add("h12_only_comments.html", "<html><!-- " + SECRET + " --><body><!-- nothing else --></body></html>", "refused")
    return out


def html_big(mb):
    """One page whose body is a single line of MB megabytes (with an ESC in every repeat)."""
    def write(f):
        f.write(b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>A single-line page of %d MB</title>"
                b"</head><body><article><h1>A single-line page of %d MB</h1><p>" % (mb, mb))
        word = b"lorem ipsum dolor sit amet, consectetur " + ESC.encode() + b"[2J adipiscing elit "
        n = mb * 1024 * 1024 // len(word)
        chunk = word * 4096
        for _ in range(n // 4096):
            f.write(chunk)
        f.write(word * (n % 4096))
        f.write(b"</p><h2>After the line</h2><p>" + BODY.encode() + b"</p></article></body></html>")
    return [("hb_line_%dmb.html" % mb, write)]


def main(argv):
    argv = list(argv)
    big_mb = None
    if "--html-big" in argv:
        k = argv.index("--html-big")
        try:
            big_mb = int(argv[k + 1])
        except (IndexError, ValueError):
            print(__doc__.strip(), file=sys.stderr)
            return 2
        argv[k:k + 2] = ["--html-big"]
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = {a for a in argv[1:] if a.startswith("--")}
    unknown = flags - {"--small", "--big-only", "--names-only", "--hostile-names", "--list", "--help", "--html", "--html-big"}
    modes = {"--small", "--big-only", "--names-only", "--html", "--html-big"}
    if "--help" in flags or len(args) != 1 or unknown or len(flags & modes) > 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    outdir = os.path.abspath(args[0])
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(20240611)
    listing = []
    if "--html" in flags or big_mb is not None:
        if big_mb is not None:
            for name, writer in html_big(big_mb):
                with open(os.path.join(outdir, name), "wb") as f:
                    writer(f)
                listing.append((name, "article"))
        else:
            for name, data, expect in html_files(rng):
                with open(os.path.join(outdir, name), "wb") as f:
                    f.write(data)
                # h13 goes to a folder of its own beside OUTDIR, OUTDIR-meta (a known bug must not
                # fail the checks of the rest).
                if expect == "meta":
                    os.makedirs(outdir + "-meta", exist_ok=True)
                    os.replace(os.path.join(outdir, name), os.path.join(outdir + "-meta", name))
                    continue
                listing.append((name, expect))
        if "--list" in flags:
            for name, expect in sorted(listing):
                print(f"{name}\t{expect}")
        return 0
    big_only = "--big-only" in flags
    names_only = "--names-only" in flags
    for name, data, expect in ([] if big_only or names_only else files(rng)):
        path = os.path.join(outdir, name)
        with open(path, "wb") as f:
            f.write(data)
        listing.append((name, expect))
    if "--small" not in flags and not names_only:
        for name, writer in big_files():
            path = os.path.join(outdir, name)
            with open(path, "wb") as f:
                writer(f)
            listing.append((name, "article"))
    if not big_only and not names_only:
        listing += special(outdir)
    if "--hostile-names" in flags or names_only:
        for name, data in hostile_names():
            path = os.path.join(os.fsencode(outdir), name) if isinstance(name, bytes) else os.path.join(outdir, name)
            with open(path, "wb") as f:
                f.write(data)
            listing.append((os.fsdecode(name) if isinstance(name, bytes) else name, "article"))
    if "--list" in flags:
        for name, expect in sorted(listing):
            hostile = any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f or 0x202a <= ord(c) <= 0x202e or 0xdc80 <= ord(c) <= 0xdcff for c in name)
            print(f"{name!r}\t{expect}" if hostile else f"{name}\t{expect}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
