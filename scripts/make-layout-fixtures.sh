#!/usr/bin/env bash
# Regenerates the layout-reader fixtures (fixtures/layout/*.docx, *.pdf) from their HTML sources, the way an office
# makes them: LibreOffice Writer opens the HTML table (merged cells, repeated header row) and saves .docx; the PDF is
# printed from that .docx, so both carry the same table. The generated files are committed: tests read them and never
# call soffice. Needs: apt-get install libreoffice-writer-nogui
set -euo pipefail
cd "$(dirname "$0")/../fixtures/layout"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
lo() { soffice --headless "-env:UserInstallation=file://$profile" "$@" >/dev/null; }
for html in *.html; do
  base="${html%.html}"
  lo --infilter=HTML\ \(StarWriter\) --convert-to docx:"MS Word 2007 XML" "$html"
  lo --convert-to pdf:writer_pdf_Export "$base.docx"
  echo "$base: $(stat -c %s "$base.docx") B docx, $(stat -c %s "$base.pdf") B pdf"
done
