#!/usr/bin/env python3
"""Writes an HTML page holding the same article as a plain-text one: the rows of bench/html.sh that
compare the first screen of a page with that of a text article of the same size.

    html_page.py TOC_JSON OUT.html

TOC_JSON is `gazette toc --json ARTICLE.txt` (one line): the title becomes <title> and <h1>,
each section an <h2> and its paragraphs <p>, inside an <article> between the furniture a saved page
has (a head with metadata, a style and a script; a navigation bar, a related-links box and a
footer), so the extractor has its usual work to do. The page is a little larger than the article
(the markup).
"""
import html
import json
import sys


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    o = json.loads(open(sys.argv[1], encoding="utf-8").readline())
    e = html.escape
    title = o["title"]
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        out.write(f"<title>{e(title)} | Bench Gazette</title>\n")
        out.write(f"<meta property=\"og:title\" content=\"{e(title, quote=True)}\">\n")
        out.write("<meta property=\"og:site_name\" content=\"Bench Gazette\">\n")
        out.write("<link rel=\"canonical\" href=\"https://bench.example/big\">\n")
        out.write("<style>body { font-family: serif } nav a { margin: 0 1em }</style>\n")
        out.write("<script>window.analytics = { page: 'big' };</script>\n</head>\n<body>\n")
        out.write("<nav class=\"site-nav\">" + "".join(f"<a href=\"/s{i}\">Section {i}</a>" for i in range(12)) + "</nav>\n")
        out.write(f"<main><article>\n<h1>{e(title)}</h1>\n<p class=\"byline\">By the bench</p>\n")
        for s in o["sections"]:
            if s["heading"]:
                out.write(f"<h2>{e(s['heading'])}</h2>\n")
            for p in s["paragraphs"]:
                out.write(f"<p>{e(p)}</p>\n")
        out.write("</article>\n<aside class=\"related\"><h2>Related</h2><ul>")
        out.write("".join(f"<li><a href=\"/r{i}\">Related story {i}</a></li>" for i in range(10)))
        out.write("</ul></aside></main>\n<footer class=\"site-footer\">© Bench Gazette</footer>\n</body></html>\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
