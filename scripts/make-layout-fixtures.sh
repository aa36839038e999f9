#!/usr/bin/env bash
# Regenerates the layout-reader fixtures (fixtures/layout/*) from their HTML sources, the way an office makes them:
# LibreOffice Writer opens the HTML table (merged cells, repeated header row) and saves .docx and .doc; the PDF is
# printed from that .docx, so both carry the same table; LibreOffice Calc opens the same HTML and saves .xlsx and
# .xls (merged cells as merged ranges, the paragraphs above the table as rows of one cell). scanned-form.pdf is a
# page that only holds a picture (a 1-bit PNG of an empty form, drawn here), what a scanner gives: no text layer.
# The generated files are committed: tests read them and never call soffice for them (the legacy adapter's own
# tests do convert .doc/.xls, as a user's upload would be).
#
# Usage: scripts/make-layout-fixtures.sh [docx pdf xlsx doc xls scan]   (default: all)
# Needs: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui
set -euo pipefail
cd "$(dirname "$0")/../fixtures/layout"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
lo() { soffice --headless "-env:UserInstallation=file://$profile" "$@" >/dev/null; }
want() { for f in "${formats[@]}"; do [[ "$f" == "$1" ]] && return 0; done; return 1; }
formats=("$@")
((${#formats[@]})) || formats=(docx pdf xlsx doc xls scan)
# national-three-projects.html: three 项目支出绩效目标申报表 (templates.md §1.1) one after another, page breaks between.
for html in project-*.html national-*.html; do
  base="${html%.html}"
  if want docx; then lo --infilter=HTML\ \(StarWriter\) --convert-to docx:"MS Word 2007 XML" "$html"; fi
  if want pdf; then lo --convert-to pdf:writer_pdf_Export "$base.docx"; fi
  if want doc; then lo --infilter=HTML\ \(StarWriter\) --convert-to doc:"MS Word 97" "$html"; fi
  if want xlsx; then lo --infilter=HTML\ \(StarCalc\) --convert-to xlsx:"Calc MS Excel 2007 XML" "$html"; fi
  if want xls; then lo --infilter=HTML\ \(StarCalc\) --convert-to xls:"MS Excel 97" "$html"; fi
  for ext in docx pdf doc xlsx xls; do
    if want "$ext"; then echo "$base.$ext: $(stat -c %s "$base.$ext") B"; fi
  done
done
if want scan; then
  # The picture is drawn by node (always there for the tests) so no image tool is needed; 1 bit per pixel keeps it small.
  png="$(node --input-type=module -e '
    import { deflateSync, crc32 } from "node:zlib";
    const w = 300, h = 160, stride = Math.ceil(w / 8) + 1;
    const raw = Buffer.alloc(stride * h, 0);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const ink = x < 3 || x >= w - 3 || y < 3 || y >= h - 3 || (y >= 50 && y < 52) || (x >= 150 && x < 152);
      if (!ink) raw[y * stride + 1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
    const chunk = (type, data) => {
      const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type), data]);
      const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 1;
    const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
    process.stdout.write(png.toString("base64"));
  ')"
  tmp="$(mktemp -d)"
  printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>扫描件</title></head><body>\n<p><img src="data:image/png;base64,%s" width="300" height="160"></p>\n</body></html>\n' "$png" >"$tmp/scanned-form.html"
  lo --infilter=HTML\ \(StarWriter\) --convert-to pdf:writer_pdf_Export --outdir . "$tmp/scanned-form.html"
  rm -rf "$tmp"
  echo "scanned-form.pdf: $(stat -c %s scanned-form.pdf) B"
fi
