using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tdkt.Benchmarks;

/// <summary>
/// The 5,000-task benchmark plan (bench/fixtures/make-plan-5000.py) as a workbook: the same header, sections, tasks
/// and time phrases, one sheet with shared strings as Excel writes them, the header and the motto over merged cells.
/// </summary>
public static class Workbook5000
{
    private static readonly string[] Contents =
    [
        "Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội",
        "Tổ chức ký kết giao ước thi đua của các Cụm thi đua", "Sơ kết công tác thi đua, khen thưởng",
        "Kiểm tra công tác thi đua, khen thưởng tại các cơ quan, đơn vị", "Tổng hợp, thẩm định hồ sơ khen thưởng tổng kết năm",
        "Trình khen thưởng thành tích năm học của ngành Giáo dục và Đào tạo",
    ];

    private static readonly string[] Leads = ["UBND tỉnh", "Sở Nội vụ", "Hội đồng TĐKT tỉnh", "Sở Giáo dục và Đào tạo", "Sở Tài chính"];
    private static readonly string[] Supports = ["Sở Nội vụ", "Các cơ quan, đơn vị liên quan", "Sở Tài chính", "Hội đồng TĐKT tỉnh"];

    private static readonly string[] Times =
    [
        "Tháng 01/2025", "Quý I/2025", "6 tháng đầu năm", "Tháng 7, tháng 8/2025", "Trước ngày 15/3/2025", "Quý III",
        "Chậm nhất ngày 20/11/2025", "Trong tháng 12", "Năm 2025", "Thường xuyên",
    ];

    private static readonly string[][] Top =
    [
        ["ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
        ["Số: 999/KH-UBND", "", "Lạng Sơn, ngày 20 tháng 12 năm 2024"],
        ["KẾ HOẠCH"],
        ["Công tác thi đua, khen thưởng năm 2025"],
        ["Các nhiệm vụ cụ thể tại bảng dưới đây."],
        ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Ghi chú"],
    ];

    public static byte[] Build()
    {
        var rows = new List<string[]>(Top);
        string[] romans = ["I", "II", "III", "IV", "V"];
        for (var s = 0; s < romans.Length; s++)
        {
            rows.Add([romans[s], $"NHÓM NHIỆM VỤ {s + 1}"]);
            for (var i = 0; i < 1000; i++)
            {
                rows.Add([$"{i + 1}", $"{Contents[((s * 1000) + i) % Contents.Length]} (nội dung {s + 1}.{i + 1})", Leads[i % 5], Supports[i % 4], Times[i % 10]]);
            }
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var table = new SharedStringTable();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c].Length == 0)
                    {
                        continue;
                    }
                    if (!strings.TryGetValue(rows[r][c], out var index))
                    {
                        strings[rows[r][c]] = index = strings.Count;
                        table.AppendChild(new SharedStringItem(new Text(rows[r][c])));
                    }
                    row.AppendChild(new Cell { CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.SharedString, CellValue = new CellValue(index) });
                }
                data.AppendChild(row);
            }
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = table;
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(data, new MergeCells(new MergeCell { Reference = "A1:B1" }, new MergeCell { Reference = "C1:F1" },
                new MergeCell { Reference = "A2:B2" }, new MergeCell { Reference = "C2:F2" }));
            workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Kế hoạch" });
        }
        return stream.ToArray();
    }
}
