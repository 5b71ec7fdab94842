using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Tdkt.Clock;
using Tdkt.Input;
using Tdkt.Pages;
using Tdkt.Plans;
using Tdkt.Wording;

namespace Tdkt.Reports;

/// <summary>A plan report as JSON (an object for serialisation), CSV (UTF-8 with BOM, so spreadsheets read the Vietnamese) or an HTML page.</summary>
public sealed class ReportFormats(PageTemplates templates)
{
    /// <summary>The categories a report shows: the four official ones, and "thường xuyên" when the plan has such tasks.</summary>
    public static IReadOnlyList<ProgressCategory> CategoriesOf(PlanReport report) =>
        report.HasOngoing ? Enum.GetValues<ProgressCategory>() : Progress.Official;
    private static readonly string[] LeadingHeaders = ["Mã cơ quan", "Cơ quan", "Quý"];

    public static object Json(PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var categories = CategoriesOf(report);
        return new
        {
            plan = report.Plan.Value,
            number = report.Number,
            title = report.Title,
            year = report.Year,
            asOf = report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            categories = categories.Select(c => new { id = Progress.Slug(c), label = Progress.Label(c) }),
            total = Counts(report.Total.Counts),
            upcomingOccurrences = report.UpcomingOccurrences,
            undated = report.Undated,
            byQuarter = report.ByQuarter.Select(l => new { quarter = l.Quarter, counts = Counts(l.Counts) }),
            byAgency = report.ByAgency.Select(l => new
            {
                agency = l.Agency,
                name = l.AgencyName,
                counts = Counts(l.Counts),
                byQuarter = report.ByAgencyAndQuarter.Where(q => q.Agency == l.Agency).Select(q => new { quarter = q.Quarter, counts = Counts(q.Counts) }),
            }),
            files = report.Files.Select(f => new
            {
                agency = f.Agency,
                name = f.AgencyName,
                task = f.TaskNumber,
                file = f.File.Name,
                kind = f.File.Kind.ToString().ToLowerInvariant(),
                bytes = f.File.Bytes,
                at = NodaTime.Text.OffsetDateTimePattern.Rfc3339.Format(f.File.At.InZone(VietnamTime.Zone).ToOffsetDateTime()),
                by = f.File.By,
                via = f.File.Via,
            }),
        };

        Dictionary<string, object> Counts(ProgressCounts counts)
        {
            var result = CountsOf(counts, categories);
            if (report.HasExtended)
            {
                // How many of these were counted against an extended date (not a category: they are in the ones above).
                result["extended"] = counts.Extended;
            }
            return result;
        }
    }

    private static Dictionary<string, object> CountsOf(ProgressCounts counts, IReadOnlyList<ProgressCategory> categories)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal) { ["total"] = counts.Total };
        foreach (var c in categories)
        {
            result[Progress.Slug(c)] = new { count = counts[c], percent = counts.Percent(c) };
        }
        return result;
    }

    public static byte[] Csv(PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var categories = CategoriesOf(report);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            foreach (var header in LeadingHeaders.Concat(categories.SelectMany(c => new[] { Progress.Label(c), Progress.Label(c) + " (%)" })).Append("Tổng số")
                .Concat(report.HasExtended ? ["Trong đó được gia hạn"] : []))
            {
                csv.WriteField(header);
            }
            csv.NextRecord();
            foreach (var line in report.Lines)
            {
                csv.WriteField(SpreadsheetText.ForCell(line.Agency));
                csv.WriteField(SpreadsheetText.ForCell(line.AgencyName));
                csv.WriteField(line.Quarter?.ToString(CultureInfo.InvariantCulture) ?? "Cả năm");
                foreach (var c in categories)
                {
                    csv.WriteField(line.Counts[c]);
                    csv.WriteField(line.Counts.Percent(c).ToString("0.0", CultureInfo.InvariantCulture));
                }
                csv.WriteField(line.Counts.Total);
                if (report.HasExtended)
                {
                    csv.WriteField(line.Counts.Extended);
                }
                csv.NextRecord();
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
    }

    /// <summary>Lines for a terminal: per agency and in all, the four categories, the total and the share done.</summary>
    public static string Text(PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>
        {
            $"Kế hoạch số {report.Number}: {report.Title}",
            $"Tính đến {VietnamTime.Format(report.AsOf)}. Cột: đúng hạn / hoàn thành quá hạn / trong hạn / quá hạn{(report.HasOngoing ? " / thường xuyên" : "")} / tổng, tỷ lệ hoàn thành.",
        };
        foreach (var line in report.ByAgency.Append(report.Total))
        {
            var c = line.Counts;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"- {line.AgencyName}: {c.DoneOnTime} / {c.DoneLate} / {c.OpenInTime} / {c.OpenOverdue}{(report.HasOngoing ? $" / {c.Ongoing}" : "")} / {c.Total}, {VietnameseNumbers.Percent(c.DonePercent)}{(c.Extended > 0 ? $" (trong đó {c.Extended} được gia hạn)" : "")}"));
        }
        if (UpcomingNote(report) is { } upcoming)
        {
            lines.Add(upcoming);
        }
        if (UndatedNote(report) is { } undated)
        {
            lines.Add(undated);
        }
        if (report.Files.Count > 0)
        {
            lines.Add($"Tệp kết quả đã gửi ({report.Files.Count}):");
            lines.AddRange(report.Files.Select(f => $"- {f.AgencyName}, nhiệm vụ {f.TaskNumber}: {f.File.Name} ({f.File.Details})"));
        }
        return string.Join("\n", lines) + "\n";
    }

    public string Html(PlanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var categories = CategoriesOf(report);
        // The charts show what the tables show: agencies sorted by overdue, as the console and the .docx sort them.
        var byOverdue = report.ByAgency.OrderByDescending(l => l.Counts.OpenOverdue).ThenBy(l => l.AgencyName, StringComparer.Ordinal).ToList();
        var tables = new List<ReportTableView>
        {
            new("Theo cơ quan (cả năm)", [.. byOverdue.Select(l => Row(l, l.AgencyName)), Row(report.Total, PlanReports.AllAgencies, isTotal: true)],
                ProgressChart.Svg("Tiến độ theo cơ quan", [(PlanReports.AllAgencies, report.Total.Counts), .. byOverdue.Select(l => (l.AgencyName, l.Counts))], categories)),
            new("Theo quý", [.. report.ByQuarter.Select(l => Row(l, Quarters.Heading(l.Quarter))), Row(report.Total, "Cả năm", isTotal: true)],
                ProgressChart.Svg("Tiến độ theo quý", [.. report.ByQuarter.Select(l => (Quarters.Heading(l.Quarter), l.Counts)), ("Cả năm", report.Total.Counts)], categories)),
        };
        tables.AddRange(report.ByQuarter.Select(q => new ReportTableView($"{Quarters.Heading(q.Quarter)}: theo cơ quan",
            [.. report.ByAgencyAndQuarter.Where(l => l.Quarter == q.Quarter).Select(l => Row(l, l.AgencyName)), Row(q, PlanReports.AllAgencies, isTotal: true)])));
        return templates.Render("report.html.liquid", new ReportView(
            $"Báo cáo tiến độ: Kế hoạch số {report.Number}",
            $"Kế hoạch số {report.Number}: {report.Title}",
            $"Số liệu tính đến {VietnamTime.Format(report.AsOf)}.",
            tables,
            "Hoàn thành đúng hạn: xác nhận hoàn thành trong thời hạn; hoàn thành quá hạn: xác nhận sau thời hạn; chưa hoàn thành, trong hạn: chưa đến thời hạn; chưa hoàn thành, quá hạn: đã qua thời hạn."
                + (report.HasOngoing ? " Thường xuyên: nhiệm vụ thực hiện thường xuyên trong năm, không có thời hạn riêng." : "")
                + (report.HasExtended ? $" Có {report.Total.Counts.Extended} nhiệm vụ được gia hạn (ghi “gia hạn” bên tên cơ quan): đúng hạn, quá hạn tính theo thời hạn đã gia hạn." : "")
                + (UpcomingNote(report) is { } upcoming ? " " + upcoming : "")
                + (UndatedNote(report) is { } undated ? " " + undated : ""),
            report.HasOngoing)
        {
            Files = [.. report.Files.Select(f => new ReportFileView(f.AgencyName, f.TaskNumber, f.File.Name, f.File.Details))],
        });
    }

    /// <summary>What the figures leave out: the occurrences of recurring duties not due yet (each counts once due, or once done).</summary>
    internal static string? UpcomingNote(PlanReport report) => report.UpcomingOccurrences > 0
        ? $"Nhiệm vụ định kỳ tính các kỳ đã đến hạn (hoặc đã hoàn thành): {report.UpcomingOccurrences.ToString(CultureInfo.InvariantCulture)} lượt của các kỳ sau chưa đến hạn, chưa tính."
        : null;

    /// <summary>What else the figures leave out: tasks the plan gives no fixed date yet, until an administrator dates them.</summary>
    internal static string? UndatedNote(PlanReport report) => report.Undated > 0
        ? $"Nhiệm vụ chưa có thời hạn cụ thể (như “Khi có yêu cầu”): {report.Undated.ToString(CultureInfo.InvariantCulture)} lượt, tính riêng, không thuộc các cột trên."
        : null;

    public static ReportRowView Row(ReportLine line, string label, bool isTotal = false)
    {
        var c = line.Counts;
        string P(ProgressCategory category) => VietnameseNumbers.Percent(c.Percent(category));
        label += c.Extended > 0 ? $" (gia hạn: {c.Extended})" : "";
        return new ReportRowView(label, Quarters.Heading(line.Quarter), c.DoneOnTime, P(ProgressCategory.DoneOnTime), c.DoneLate, P(ProgressCategory.DoneLate),
            c.OpenInTime, P(ProgressCategory.OpenInTime), c.OpenOverdue, P(ProgressCategory.OpenOverdue), c.Total, isTotal, c.Ongoing, P(ProgressCategory.Ongoing));
    }
}
