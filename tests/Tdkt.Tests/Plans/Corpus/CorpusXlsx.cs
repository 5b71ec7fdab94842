using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tdkt.Tests.Plans.Corpus;

/// <summary>A corpus document as a workbook: the header's two columns side by side, paragraphs in column A, the table in A-E, and "Nơi nhận" beside the signature.</summary>
public static class CorpusXlsx
{
    public static byte[] Render(IReadOnlyList<CorpusElement> elements)
    {
        var rows = new List<string[]>();
        foreach (var element in elements)
        {
            switch (element)
            {
                case CorpusHeader h:
                    string[] right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];
                    for (var i = 0; i < Math.Max(h.Issuer.Count, right.Length); i++)
                    {
                        rows.Add([i < h.Issuer.Count ? h.Issuer[i] : "", "", "", i < right.Length ? right[i] : ""]);
                    }
                    rows.Add([h.Number, "", "", h.PlaceAndDate]);
                    break;
                case CorpusParagraph p:
                    rows.Add([p.Typed]);
                    break;
                case CorpusTable t:
                    rows.Add([.. t.Head]);
                    rows.AddRange(t.Rows.Select(r => r.ToArray()));
                    break;
                case CorpusSignature s:
                    for (var i = 0; i < Math.Max(s.Recipients.Count, s.Signature.Count); i++)
                    {
                        rows.Add([i < s.Recipients.Count ? s.Recipients[i] : "", "", "", i < s.Signature.Count ? s.Signature[i] : ""]);
                    }
                    break;
            }
        }
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c].Length > 0)
                    {
                        row.Append(new Cell
                        {
                            CellReference = $"{(char)('A' + c)}{r + 1}", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(rows[r][c])),
                        });
                    }
                }
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data);
            workbook.Workbook.Sheets!.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Kế hoạch" });
        }
        return stream.ToArray();
    }
}
