using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime.Text;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>
/// Tasks as CSV, for spreadsheets: "# key: value" lines for the plan (id, number, title, issuer, issuedOn,
/// year, status), then the columns number,quarter,deadline,due,content,agencies,key (agencies separated by ';';
/// key, optional, is the task's identity that survives renumbering).
/// </summary>
public static class PlanCsv
{
    private static readonly string[] Columns = ["number", "quarter", "deadline", "due", "content", "agencies", "key"];
    private static readonly string[] RequiredColumns = ["number", "content", "agencies"];

    public static string Write(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var builder = new StringBuilder();
        builder.Append("# id: ").Append(plan.Id.Value).Append('\n')
            .Append("# number: ").Append(plan.Number).Append('\n')
            .Append("# title: ").Append(plan.Title).Append('\n')
            .Append("# issuer: ").Append(plan.Issuer).Append('\n')
            .Append("# issuedOn: ").Append(LocalDatePattern.Iso.Format(plan.IssuedOn)).Append('\n')
            .Append("# year: ").Append(plan.Year.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("# status: ").Append(plan.Status.ToString().ToLowerInvariant()).Append('\n');
        using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture) { NewLine = "\n" })
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }
            csv.NextRecord();
            foreach (var task in plan.Tasks)
            {
                csv.WriteField(SpreadsheetText.ForCell(task.Number));
                csv.WriteField(task.Quarter);
                csv.WriteField(SpreadsheetText.ForCell(task.Deadline.Phrase));
                csv.WriteField(LocalDatePattern.Iso.Format(task.Deadline.Due));
                csv.WriteField(SpreadsheetText.ForCell(task.Content));
                csv.WriteField(string.Join(";", task.Agencies.Select(a => a.Value)));
                csv.WriteField(task.Key);
                csv.NextRecord();
            }
        }
        return builder.ToString();
    }

    public static RawPlan? Read(string text, string file, List<InputError> errors)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var preamble = 0;
        for (; preamble < lines.Length && lines[preamble].TrimStart().StartsWith('#'); preamble++)
        {
            var entry = lines[preamble].TrimStart()[1..];
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                header[entry[..colon].Trim()] = entry[(colon + 1)..].Trim();
            }
        }

        using var reader = new StringReader(string.Join("\n", lines.Skip(preamble)));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, BadDataFound = null });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } columns)
        {
            errors.Add(new InputError(file, preamble + 1, "header", $"Thiếu dòng tiêu đề cột: {string.Join(",", Columns)}."));
            return null;
        }
        var missing = RequiredColumns.Where(c => !columns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new InputError(file, preamble + 1, "header", $"Thiếu cột: {string.Join(", ", missing)}."));
            return null;
        }
        var tasks = new List<RawTask>();
        var rows = 0;
        while (csv.Read())
        {
            // Past the task limit rows are only counted: the builder refuses the plan with that count alone.
            if (++rows > PlanBuilder.MaxTasks)
            {
                continue;
            }
            var line = preamble + csv.Parser.RawRow;
            string? Field(string name) => columns.Contains(name, StringComparer.OrdinalIgnoreCase) && SpreadsheetText.FromCell(csv.GetField(name)) is { Length: > 0 } v ? v : null;
            int? quarter = null;
            if (Field("quarter") is { } q)
            {
                if (int.TryParse(q, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    quarter = n;
                }
                else
                {
                    errors.Add(new InputError(file, line, "quarter", $"Quý “{q}” phải là số từ 1 đến 4."));
                }
            }
            tasks.Add(new RawTask(line, "", Field("number"), quarter, Field("content"), Field("deadline"), Field("due"),
                (Field("agencies") ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), Field("key")));
        }
        return new RawPlan(header.GetValueOrDefault("id"), header.GetValueOrDefault("number"), header.GetValueOrDefault("title"),
            header.GetValueOrDefault("issuer"), header.GetValueOrDefault("issuedOn"),
            int.TryParse(header.GetValueOrDefault("year"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) ? year : null,
            header.GetValueOrDefault("status"), tasks, 1) { TasksInFile = rows };
    }
}
