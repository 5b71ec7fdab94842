using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Tdkt.Clock;
using Tdkt.Plans;
using Tdkt.Wording;
using static Tdkt.Reports.Official.DocxWriter;

namespace Tdkt.Reports.Official;

/// <summary>
/// The report as the draft of an administrative document (Decree 30/2020/NĐ-CP): header with the reporting body and
/// a number left blank, the national motto, place and date; title, "Kính gửi:", the general situation, the results
/// in the four categories (and the ongoing tasks) in figures and words, by agency and by quarter, the overdue tasks,
/// a proposals section for the specialist, "Nơi nhận" and the signature block. The specialist checks, numbers and signs.
/// </summary>
public static class OfficialReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Placeholder paragraphs the specialist replaces (highlighted, so none is printed by mistake).</summary>
    public const string ProposalPlaceholder = "(Chuyên viên bổ sung đề xuất, kiến nghị: giải pháp đôn đốc các nhiệm vụ chậm, nội dung đề nghị Ủy ban nhân dân tỉnh chỉ đạo.)";

    public static byte[] Write(OfficialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var doc = new DocxWriter();
        WriteLetterhead(doc, report);
        WriteGeneral(doc, report);
        WriteResults(doc, report);
        WriteOverdue(doc, report);
        WriteClosing(doc, report);
        return doc.Save();
    }

    /// <summary>The letterhead (body and number, the national motto and the date), the title and the addressee.</summary>
    private static void WriteLetterhead(DocxWriter doc, OfficialReport report)
    {
        var head = report.Letterhead;
        var period = report.Period.Label;
        doc.Add(Layout([TextWidth - 5450, 5450],
            [
                Para(ParentLine(head.ParentBody), 12.5, align: JustificationValues.Center, after: 0),
                Para(head.Body.ToUpperInvariant(), 13, bold: true, align: JustificationValues.Center, after: 0),
                Rule(1100),
                Para($"Số:        /BC-{head.Abbreviation}", 13, align: JustificationValues.Center, after: 0),
            ],
            [
                Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12.5, bold: true, align: JustificationValues.Center, after: 0),
                Para("Độc lập - Tự do - Hạnh phúc", 13.5, bold: true, align: JustificationValues.Center, after: 0),
                Rule(1500),
                Para($"{(head.Place.Length > 0 ? head.Place + ", " : "")}{VietnameseWords.Date(report.AsOf)}", 14, italic: true, align: JustificationValues.Center, after: 0),
            ]));

        doc.Add(Para("BÁO CÁO", 14, bold: true, align: JustificationValues.Center, before: 360, after: 0, keepNext: true));
        doc.Add(Para($"Kết quả thực hiện {report.PlanReference} ({period})", 14, bold: true, align: JustificationValues.Center, after: 0, keepNext: true));
        doc.Add(Rule(3200));
        doc.Add(Para($"Kính gửi: {head.Recipient}.", 14, align: JustificationValues.Center, before: 120, after: 240));

        doc.Add(Para($"Thực hiện {report.PlanReference}, {head.Body} báo cáo kết quả thực hiện {period} (số liệu tính đến {VietnameseWords.Date(report.AsOf)}) như sau:",
            indent: 720));
    }

    /// <summary>I. The plan in figures: tasks, agencies, assignments, recurring and undated ones, and the period.</summary>
    private static void WriteGeneral(DocxWriter doc, OfficialReport report)
    {
        var head = report.Letterhead;
        var figures = report.Figures;
        var total = figures.Total.Counts;
        doc.Add(Heading("I. TÌNH HÌNH CHUNG"));
        doc.Add(Para($"Kế hoạch gồm {VietnameseWords.Figure(report.Tasks)} nhiệm vụ, giao {VietnameseWords.Figure(report.Agencies)} cơ quan, đơn vị chủ trì, phối hợp thực hiện, "
            + $"với {VietnameseWords.Figure(total.Total)} lượt nhiệm vụ (mỗi cơ quan được giao một nhiệm vụ tính là một lượt). {head.Body} theo dõi, đôn đốc; "
            + "các cơ quan, đơn vị được nhắc việc bằng thư điện tử trước và khi đến hạn, và xác nhận hoàn thành qua đường dẫn trong thư hoặc bằng văn bản."
            + (report.RecurringTasks > 0
                ? $" Trong đó có {VietnameseWords.Figure(report.RecurringTasks)} nhiệm vụ định kỳ, mỗi kỳ là một lượt riêng; kỳ chưa đến hạn chưa tính"
                    + (figures.UpcomingOccurrences > 0 ? $" ({VietnameseWords.Figure(figures.UpcomingOccurrences)} lượt)." : ".")
                : "")
            + (figures.Undated > 0 ? $" Có {VietnameseWords.Figure(figures.Undated)} lượt nhiệm vụ chưa có thời hạn cụ thể (như “Khi có yêu cầu”), tính riêng, chưa đưa vào số liệu dưới đây." : ""),
            indent: 720));
        doc.Add(Para(PeriodSentence(report), indent: 720));
    }

    /// <summary>II. The results: overall by category, by agency (most overdue first), by quarter.</summary>
    private static void WriteResults(DocxWriter doc, OfficialReport report)
    {
        var figures = report.Figures;
        var total = figures.Total.Counts;
        doc.Add(Heading("II. KẾT QUẢ THỰC HIỆN"));
        doc.Add(Heading("1. Kết quả chung"));
        doc.Add(Para($"Tính đến {VietnameseWords.Date(report.AsOf)}, trong tổng số {VietnameseWords.Figure(total.Total)} lượt nhiệm vụ:", indent: 720));
        var categories = figures.HasOngoing ? Enum.GetValues<ProgressCategory>() : [.. Progress.Official];
        for (var i = 0; i < categories.Length; i++)
        {
            var c = categories[i];
            var end = i == categories.Length - 1 ? "." : ";";
            doc.Add(Para($"- {Progress.Label(c)}: {VietnameseWords.Figure(total[c])} lượt, chiếm {Percent(total.Percent(c))}{end}", indent: 720, after: 60));
        }

        doc.Add(Heading("2. Kết quả theo cơ quan, đơn vị"));
        var byAgency = figures.ByAgency.OrderByDescending(l => l.Counts.OpenOverdue).ThenBy(l => l.AgencyName, StringComparer.Ordinal).ToList();
        doc.Add(FiguresTable(figures, "Cơ quan, đơn vị",
            byAgency.Select((l, i) => (Number: (i + 1).ToString(CultureInfo.InvariantCulture), l.AgencyName, l.Counts)).Append(("", "Tổng cộng", total))));
        doc.Add(Para("Cơ quan, đơn vị có nhiều nhiệm vụ quá hạn nhất được xếp trước.", 12, italic: true, before: 60));

        doc.Add(Heading("3. Kết quả theo quý"));
        doc.Add(FiguresTable(figures, "Quý",
            figures.ByQuarter.Select((l, i) => (Number: (i + 1).ToString(CultureInfo.InvariantCulture), Quarters.Heading(l.Quarter), l.Counts)).Append(("", "Cả năm", total))));
    }

    /// <summary>III. The overdue tasks, each with the agencies that have not reported it done.</summary>
    private static void WriteOverdue(DocxWriter doc, OfficialReport report)
    {
        doc.Add(Heading("III. NHIỆM VỤ CHẬM TIẾN ĐỘ"));
        if (report.Overdue.Count == 0)
        {
            doc.Add(Para($"Tính đến {VietnameseWords.Date(report.AsOf)}, không có nhiệm vụ nào quá thời hạn mà chưa hoàn thành.", indent: 720));
        }
        else
        {
            doc.Add(Para($"Tính đến {VietnameseWords.Date(report.AsOf)}, có {VietnameseWords.Figure(report.Overdue.Count)} nhiệm vụ đã quá thời hạn nhưng chưa được báo cáo hoàn thành:", indent: 720));
            doc.Add(Grid([700, TextWidth - 700 - 2300 - 1350 - 1000, 2300, 1350, 1000], ["STT", "Nhiệm vụ", "Cơ quan chưa hoàn thành", "Thời hạn", "Số ngày quá hạn"],
                report.Overdue.Select((t, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture), $"Nhiệm vụ số {t.Number}: {Shorten(t.Content)}", string.Join("; ", t.Agencies),
                    VietnamTime.ShortDate(t.Due), t.DaysLate.ToString(CultureInfo.InvariantCulture),
                ]), leftColumns: 3));
        }
    }

    /// <summary>IV. The proposals the specialist writes, the closing sentence, the recipients and the signature.</summary>
    private static void WriteClosing(DocxWriter doc, OfficialReport report)
    {
        var head = report.Letterhead;
        var period = report.Period.Label;
        doc.Add(Heading("IV. ĐỀ XUẤT, KIẾN NGHỊ"));
        doc.Add(Para(ProposalPlaceholder, italic: true, indent: 720, highlight: true));
        doc.Add(Para($"Trên đây là báo cáo kết quả thực hiện {report.PlanReference} ({period}) của {head.Body}, kính báo cáo {head.Recipient} xem xét, chỉ đạo./.",
            indent: 720, before: 120, after: 240, keepNext: true));

        doc.Add(Layout([4300, TextWidth - 4300],
            [
                Para([Run("Nơi nhận:", 12, bold: true, italic: true)], JustificationValues.Left, after: 0),
                Para("- Như trên;", 11, align: JustificationValues.Left, after: 0),
                Para("- Lưu: VT.", 11, align: JustificationValues.Left, after: 0),
            ],
            [
                Para(head.SignerTitle.ToUpperInvariant(), 14, bold: true, align: JustificationValues.Center, after: 0),
                Para("\n\n", 14, align: JustificationValues.Center, after: 0),
                Para(head.SignerName ?? "", 14, bold: true, align: JustificationValues.Center, after: 0),
            ]));
    }

    private static Paragraph Heading(string text) =>
        Para(text, 14, bold: true, align: JustificationValues.Left, before: 120, after: 60, keepNext: true, indent: 720);

    /// <summary>
    /// The governing body in capitals, "Ủy ban nhân dân" abbreviated to UBND as letterheads write it, so that the line fits
    /// beside the national motto ("UBND TỈNH LẠNG SƠN").
    /// </summary>
    public static string ParentLine(string parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        foreach (var full in new[] { "Ủy ban nhân dân", "Uỷ ban nhân dân", "UBND" })
        {
            if (parent.StartsWith(full, StringComparison.OrdinalIgnoreCase))
            {
                return ("UBND" + parent[full.Length..]).ToUpperInvariant();
            }
        }
        return parent.ToUpperInvariant();
    }

    private static string PeriodSentence(OfficialReport report)
    {
        var c = report.InPeriod;
        var period = report.Period.Label;
        if (c.Total == 0)
        {
            return $"Trong {period}, Kế hoạch không có nhiệm vụ nào có thời hạn.";
        }
        var running = report.PeriodClosed ? "" : $" (kỳ báo cáo đang diễn ra, tính đến ngày {VietnamTime.ShortDate(report.AsOf)})";
        return $"Trong {period}{running}, có {VietnameseWords.Figure(c.Total)} lượt nhiệm vụ đến hạn: hoàn thành đúng hạn {c.DoneOnTime}, "
            + $"hoàn thành quá hạn {c.DoneLate}, chưa hoàn thành trong hạn {c.OpenInTime}, chưa hoàn thành quá hạn {c.OpenOverdue}.";
    }

    private static Table FiguresTable(PlanReport figures, string label, IEnumerable<(string Number, string Name, ProgressCounts Counts)> rows)
    {
        var categories = figures.HasOngoing ? Enum.GetValues<ProgressCategory>() : [.. Progress.Official];
        // A figure column is 900 twips; "Thường xuyên" needs 1,050 to keep "Thường" whole.
        var columns = categories.Select(c => c == ProgressCategory.Ongoing ? 1050 : 900).Concat([900, 900]).ToArray();
        var widths = new[] { 700, TextWidth - 700 - columns.Sum() }.Concat(columns).ToArray();
        // Narrow columns break a heading at its spaces, never inside a word ("Thường\nxuyên", not "Thườn g").
        var headings = new[] { "STT", label }.Concat(categories.Select(c => Progress.Label(c).Replace("Chưa hoàn thành, ", "Chưa hoàn thành,\n", StringComparison.Ordinal)
                .Replace("Thường xuyên", "Thường\nxuyên", StringComparison.Ordinal)))
            .Append("Tổng số").Append("Tỷ lệ hoàn thành").ToList();
        return Grid(widths, headings, rows.Select(r => (IReadOnlyList<string>)
        [
            r.Number, r.Name, .. categories.Select(c => r.Counts[c].ToString(CultureInfo.InvariantCulture)), r.Counts.Total.ToString(CultureInfo.InvariantCulture),
            Percent(r.Counts.DonePercent),
        ]));
    }

    /// <summary>"22,2%": one decimal, with the Vietnamese decimal comma.</summary>
    public static string Percent(decimal value) => VietnameseNumbers.PercentInCell(value);

    private static string Shorten(string content)
    {
        var text = content.ReplaceLineEndings(" ");
        return text.Length <= 320 ? text : text[..320].TrimEnd() + "…";
    }
}
