#!/usr/bin/env python3
"""Writes samples/plans/lang-son-2025-230-kh-ubnd.xlsx: the 2025 sample plan as a province keeps it in a spreadsheet,
and tests/fixtures/lang-son-2025-230-kh-ubnd-calc.pdf, Calc's PDF of it.

The same plan as the .docx sample, laid out the way it is typed into Excel or LibreOffice Calc: the Decree 30/2020
header over merged cells, the heading and title as merged banner rows, the TT numbers typed, QUÝ rows merged across the
table, the lead cell of tasks 2 and 3 merged down, agencies on separate lines of a cell, one due date entered as a date
(a number with a date format, not text), then section III as lone cells and the "Nơi nhận" block.

LibreOffice Calc writes the .xlsx from a flat OpenDocument spreadsheet (merged cells as spans, the date as a date
value): python3 samples/make-xlsx.py (needs soffice with Calc: Debian's libreoffice-calc-nogui).
"""
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(HERE, "plans", "lang-son-2025-230-kh-ubnd.xlsx")
# Calc's PDF of the workbook, as a province that keeps its plan in a spreadsheet publishes it.
PDF = os.path.join(HERE, "..", "tests", "fixtures", "lang-son-2025-230-kh-ubnd-calc.pdf")

# Each row: cells as (text, columns spanned, rows spanned, kind); kind "n" is a number, "d" an ISO date, else text.
# A cell under a row span is ("^",).
ROWS = [
    [("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN", 2), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", 4)],
    [("Số: 230/KH-UBND", 2), ("Lạng Sơn, ngày 20 tháng 12 năm 2024", 4)],
    [],
    [("KẾ HOẠCH", 6)],
    [("Công tác thi đua, khen thưởng năm 2025", 6)],
    [("Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022; Ủy ban nhân dân tỉnh ban hành Kế hoạch công tác thi đua, khen thưởng năm 2025 như sau:", 6)],
    [("I. MỤC ĐÍCH, YÊU CẦU", 6)],
    [("1. Tổ chức thực hiện tốt công tác thi đua, khen thưởng năm 2025.", 6)],
    [("II. NỘI DUNG", 6)],
    [("STT",), ("Nội dung công việc",), ("Cơ quan chủ trì",), ("Cơ quan phối hợp",), ("Thời gian hoàn thành",), ("Ghi chú",)],
    [("QUÝ I", 6)],
    [("1", 1, 1, "n"), ("Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2025",), ("UBND tỉnh",),
     ("Sở Nội vụ\nCác cơ quan, đơn vị liên quan",), ("Tháng 01/2025",), ("",)],
    [("2", 1, 1, "n"), ("Tổng hợp, thẩm định hồ sơ khen thưởng tổng kết năm 2024",), ("Sở Nội vụ", 1, 2), ("Hội đồng TĐKT tỉnh",),
     ("2025-03-15", 1, 1, "d"), ("",)],
    [("3", 1, 1, "n"), ("Hướng dẫn bình xét danh hiệu thi đua cấp cơ sở",), ("^",), ("Sở Giáo dục và Đào tạo\nSở Tài chính",), ("Quý I/2025",), ("",)],
    [("QUÝ II", 6)],
    [("4", 1, 1, "n"), ("Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2025",), ("Sở Nội vụ",), ("Các cơ quan, đơn vị liên quan",), ("6 tháng đầu năm",), ("",)],
    [("QUÝ III", 6)],
    [("5", 1, 1, "n"), ("Kiểm tra công tác thi đua, khen thưởng tại các cơ quan, đơn vị",), ("Hội đồng TĐKT tỉnh",), ("Sở Nội vụ",), ("Tháng 7, tháng 8/2025",), ("",)],
    [("QUÝ IV", 6)],
    [("6", 1, 1, "n"), ("Tổ chức Lễ tôn vinh doanh nghiệp, doanh nhân tiêu biểu",), ("UBND tỉnh",), ("Sở Kế hoạch và Đầu tư\nHiệp hội Doanh nghiệp tỉnh",),
     ("Chậm nhất ngày 20/11/2025",), ("",)],
    [("7", 1, 1, "n"), ("Tổng kết công tác thi đua, khen thưởng năm 2025",), ("UBND tỉnh",), ("Sở Nội vụ",), ("Trong tháng 12",), ("",)],
    [],
    [("III. TỔ CHỨC THỰC HIỆN", 6)],
    [("1. Các Cụm thi đua của tỉnh căn cứ Kế hoạch này xây dựng kế hoạch công tác thi đua, khen thưởng năm 2025 của Cụm, gửi về Sở Nội vụ "
      "trước ngày 20/01/2025 để tổng hợp, theo dõi.", 6)],
    [("2. Giao Sở Nội vụ theo dõi, đôn đốc các cơ quan, đơn vị triển khai, thực hiện Kế hoạch này.", 6)],
    [("Nơi nhận:\n- Ban TĐKT Trung ương;\n- Lưu: VT, NC.", 2), ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", 4)],
]


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell(spec, ruled):
    if spec[0] == "^":
        return "<table:covered-table-cell/>"
    text, columns, rows, kind = (tuple(spec) + (1, 1, ""))[:4] if len(spec) < 4 else spec
    spans = (f' table:number-columns-spanned="{columns}"' if columns > 1 else "") + (f' table:number-rows-spanned="{rows}"' if rows > 1 else "")
    paragraphs = "".join(f"<text:p>{esc(line)}</text:p>" for line in text.split("\n")) if text else ""
    if kind == "n":
        value = f' office:value-type="float" office:value="{text}"'
    elif kind == "d":
        day = "/".join(reversed(text.split("-")))
        value = f' table:style-name="{"ruled-date" if ruled else "date"}" office:value-type="date" office:date-value="' + text + '"'
        paragraphs = f"<text:p>{day}</text:p>"
    else:
        value = ' office:value-type="string"' if text else ""
    if kind != "d":
        value += f' table:style-name="{"ruled" if ruled else "wrap"}"'
    covered = (f'<table:covered-table-cell table:style-name="ruled"/>' if ruled else "<table:covered-table-cell/>") * (columns - 1)
    return f"<table:table-cell{spans}{value}>{paragraphs}</table:table-cell>{covered}"


# Column widths as the plan's table prints on A4 (17 cm between the margins).
WIDTHS = ["1.0cm", "6.0cm", "2.8cm", "3.2cm", "2.8cm", "1.2cm"]
COLUMNS_STYLES = "".join(f'<style:style style:name="co{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}"/></style:style>'
                         for i, w in enumerate(WIDTHS))
COLUMNS = "".join(f'<table:table-column table:style-name="co{i}"/>' for i in range(len(WIDTHS)))


def fods():
    # The task table, from its header row to the last task, is ruled as a printed plan's table is.
    first = next(i for i, row in enumerate(ROWS) if row and row[0][0] == "STT")
    last = max(i for i, row in enumerate(ROWS) if row and len(row[0]) > 3 and row[0][3] == "n")
    rows = "".join("<table:table-row>" + "".join(cell(c, first <= i <= last) for c in row) + "</table:table-row>" for i, row in enumerate(ROWS))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="ddmmyyyy"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<style:style style:name="date" style:family="table-cell" style:data-style-name="ddmmyyyy"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style>
<style:style style:name="wrap" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/></style:style>
<style:style style:name="ruled" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top" fo:border="0.5pt solid #000000"/></style:style>
<style:style style:name="ruled-date" style:family="table-cell" style:data-style-name="ddmmyyyy"><style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top" fo:border="0.5pt solid #000000"/></style:style>
{COLUMNS_STYLES}
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="Kế hoạch 2025">{COLUMNS}{rows}</table:table></office:spreadsheet></office:body>
</office:document>
"""


def main():
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice is missing: install Debian's libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "lang-son-2025-230-kh-ubnd.fods")
        with open(source, "w", encoding="utf-8") as f:
            f.write(fods())
        subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", work, source],
                       check=True, stdout=subprocess.DEVNULL, timeout=180)
        shutil.copyfile(os.path.join(work, "lang-son-2025-230-kh-ubnd.xlsx"), TARGET)
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", work, TARGET],
                       check=True, stdout=subprocess.DEVNULL, timeout=180)
        shutil.copyfile(os.path.join(work, "lang-son-2025-230-kh-ubnd.pdf"), PDF)
    print(TARGET)
    print(os.path.normpath(PDF))


if __name__ == "__main__":
    main()
