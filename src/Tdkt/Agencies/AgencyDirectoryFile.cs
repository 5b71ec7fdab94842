using System.Globalization;
using System.Net.Mail;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Tdkt.Clock;
using Tdkt.Input;
using YamlDotNet.RepresentationModel;

namespace Tdkt.Agencies;

/// <summary>
/// The agency directory as an administrator edits it: YAML (samples/agencies/) or CSV with the
/// columns id,name,aliases,to,cc,supervisor,group,members,replacedBy,from (lists separated by ';'; the last two optional:
/// the successor of a renamed or merged agency and the day it took over, yyyy-MM-dd).
/// </summary>
public static class AgencyDirectoryFile
{
    private static readonly string[] CsvColumns = ["id", "name", "aliases", "to", "cc", "supervisor", "group", "members", "replacedBy", "from"];

    private sealed record RawAgency(int Line, string? Id, string? Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> To,
        IReadOnlyList<string> Cc, string? Supervisor, bool IsGroup, IReadOnlyList<string> Members)
    {
        public string? ReplacedBy { get; init; }

        public string? From { get; init; }

        /// <summary>How a message names this agency to someone else's: its line in a file, its name in the stored directory.</summary>
        public string Where { get; init; } = $"cơ quan ở dòng {Line}";
    }

    public static AgencyDirectoryResult Read(string text, string file) => Read(text, file, null);

    /// <summary>
    /// The same, for a file that adds to or changes <paramref name="stored"/> (null: the file is the whole directory): its
    /// agencies may name stored ones as supervisor, member or successor, and may not take a name a stored agency goes by.
    /// The result holds the file's agencies only.
    /// </summary>
    public static AgencyDirectoryResult Read(string text, string file, AgencyDirectory? stored) =>
        file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(text, file, stored) : ReadYaml(text, file, stored);

    public static AgencyDirectoryResult ReadYaml(string text, string file) => ReadYaml(text, file, null);

    private static AgencyDirectoryResult ReadYaml(string text, string file, AgencyDirectory? stored)
    {
        var errors = new List<InputError>();
        var yaml = new YamlInput(file, errors);
        var root = yaml.LoadRoot(text);
        if (root is null)
        {
            return new(null, errors);
        }
        var raw = yaml.Items(root, "agencies").Select(node => new RawAgency(
            YamlInput.Line(node), yaml.Text(node, "id"), yaml.Text(node, "name"), yaml.Texts(node, "aliases"),
            yaml.Texts(node, "to"), yaml.Texts(node, "cc"), yaml.Text(node, "supervisor"), yaml.Bool(node, "group"),
            yaml.Texts(node, "members"))
        {
            ReplacedBy = yaml.Text(node, "replacedBy"),
            From = yaml.Text(node, "from"),
        }).ToList();
        return Validate(raw, file, errors, stored);
    }

    public static AgencyDirectoryResult ReadCsv(string text, string file) => ReadCsv(text, file, null);

    private static AgencyDirectoryResult ReadCsv(string text, string file, AgencyDirectory? stored)
    {
        var errors = new List<InputError>();
        var raw = new List<RawAgency>();
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            errors.Add(new InputError(file, 1, "header", "Tệp CSV trống hoặc thiếu dòng tiêu đề."));
            return new(null, errors);
        }
        var missing = CsvColumns.Take(4).Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new InputError(file, 1, "header", $"Thiếu cột: {string.Join(", ", missing)}. Các cột: {string.Join(",", CsvColumns)}."));
            return new(null, errors);
        }
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string? Field(string name) => header.Contains(name, StringComparer.OrdinalIgnoreCase) ? csv.GetField(name) : null;
            IReadOnlyList<string> List(string name) =>
                (Field(name) ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var group = Field("group") ?? "";
            raw.Add(new RawAgency(line, Field("id"), Field("name"), List("aliases"), List("to"), List("cc"),
                Field("supervisor") is { Length: > 0 } s ? s : null,
                group.Equals("true", StringComparison.OrdinalIgnoreCase) || group.Equals("x", StringComparison.OrdinalIgnoreCase) || group == "1",
                List("members"))
            {
                ReplacedBy = Field("replacedBy") is { Length: > 0 } by ? by : null,
                From = Field("from") is { Length: > 0 } from ? from : null,
            });
        }
        return Validate(raw, file, errors, stored);
    }

    /// <summary>
    /// The directory an edit would leave (the stored agencies with one added, changed or given an alias), checked by the
    /// same rules as a file: errors name the agency by name, since it has no line.
    /// </summary>
    public static AgencyDirectoryResult Check(IEnumerable<Agency> agencies, string file)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        return Validate([.. agencies.Select((a, i) => Raw(a, i + 1))], file, []);
    }

    private static RawAgency Raw(Agency a, int line) => new(line, a.Id.Value, a.Name, [.. a.Aliases], [.. a.To], [.. a.Cc], a.Supervisor?.Value, a.IsGroup,
        [.. a.Members.Select(m => m.Value)])
    {
        ReplacedBy = a.ReplacedBy?.Value,
        From = a.ReplacedFrom is { } from ? NodaTime.Text.LocalDatePattern.Iso.Format(from) : null,
        Where = $"“{a.Name}” ({a.Id})",
    };

    public static string WriteYaml(AgencyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var agencies = new YamlSequenceNode();
        foreach (var agency in directory.Agencies)
        {
            var node = new YamlMappingNode { { "id", agency.Id.Value }, { "name", agency.Name } };
            AddList(node, "aliases", agency.Aliases);
            AddList(node, "to", agency.To);
            AddList(node, "cc", agency.Cc);
            if (agency.Supervisor is { } supervisor)
            {
                node.Add("supervisor", supervisor.Value);
            }
            if (agency.IsGroup)
            {
                node.Add("group", "true");
                AddList(node, "members", agency.Members.Select(m => m.Value));
            }
            if (agency.ReplacedBy is { } successor)
            {
                node.Add("replacedBy", successor.Value);
                node.Add("from", agency.ReplacedFrom is { } from ? NodaTime.Text.LocalDatePattern.Iso.Format(from) : "");
            }
            agencies.Add(node);
        }
        return Yaml.Write(new YamlMappingNode { { "agencies", agencies } });

        static void AddList(YamlMappingNode node, string key, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0)
            {
                node.Add(key, new YamlSequenceNode(list.Select(v => new YamlScalarNode(v))));
            }
        }
    }

    public static string WriteCsv(AgencyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in CsvColumns)
            {
                csv.WriteField(column);
            }
            csv.NextRecord();
            foreach (var a in directory.Agencies)
            {
                csv.WriteField(a.Id.Value);
                csv.WriteField(a.Name);
                csv.WriteField(string.Join(";", a.Aliases));
                csv.WriteField(string.Join(";", a.To));
                csv.WriteField(string.Join(";", a.Cc));
                csv.WriteField(a.Supervisor?.Value ?? "");
                csv.WriteField(a.IsGroup ? "true" : "");
                csv.WriteField(string.Join(";", a.Members.Select(m => m.Value)));
                csv.WriteField(a.ReplacedBy?.Value ?? "");
                csv.WriteField(a.ReplacedFrom is { } from ? NodaTime.Text.LocalDatePattern.Iso.Format(from) : "");
                csv.NextRecord();
            }
        }
        return builder.ToString();
    }

    private static AgencyDirectoryResult Validate(List<RawAgency> raw, string file, List<InputError> errors, AgencyDirectory? stored = null)
    {
        void Error(int line, string field, string message) => errors.Add(new InputError(file, line, field, message));

        if (raw.Count == 0 && errors.Count == 0)
        {
            Error(1, "agencies", "Danh bạ không có cơ quan nào.");
        }
        var ids = new Dictionary<string, RawAgency>(StringComparer.Ordinal);
        var names = new Dictionary<string, RawAgency>(StringComparer.Ordinal);
        // The stored agencies the file does not give again: there to be named, not checked or returned.
        var inFile = raw.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var known in stored?.Agencies.Where(a => !inFile.Contains(a.Id.Value)).Select(a => Raw(a, 0)) ?? [])
        {
            ids.TryAdd(known.Id!, known);
            foreach (var name in known.Aliases.Prepend(known.Name!))
            {
                names.TryAdd(VietnameseText.Fold(name), known);
            }
        }
        foreach (var a in raw)
        {
            if (string.IsNullOrWhiteSpace(a.Id) || !AgencyId.IsValid(a.Id))
            {
                Error(a.Line, "id", $"Mã cơ quan “{a.Id}” phải gồm chữ thường không dấu, số và dấu “-” (ví dụ “so-noi-vu”).");
            }
            else if (!ids.TryAdd(a.Id, a))
            {
                Error(a.Line, "id", $"Mã cơ quan “{a.Id}” bị trùng (đã dùng cho {ids[a.Id].Where}).");
            }
            if (string.IsNullOrWhiteSpace(a.Name))
            {
                Error(a.Line, "name", "Thiếu tên cơ quan.");
            }
            foreach (var name in a.Aliases.Prepend(a.Name ?? "").Where(n => n.Length > 0))
            {
                var key = VietnameseText.Fold(name);
                if (names.TryGetValue(key, out var other) && !ReferenceEquals(other, a))
                {
                    Error(a.Line, "aliases", $"Tên “{name}” đã dùng cho {other.Where}: mỗi tên chỉ được chỉ một cơ quan.");
                }
                names.TryAdd(key, a);
            }
            foreach (var (field, address) in a.To.Select(t => ("to", t)).Concat(a.Cc.Select(c => ("cc", c))))
            {
                if (address.AsSpan().IndexOfAny('\r', '\n') >= 0 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
                {
                    Error(a.Line, field, $"Địa chỉ email “{address}” không hợp lệ.");
                }
            }
            if (!a.IsGroup && a.To.Count == 0)
            {
                Error(a.Line, "to", $"Cơ quan “{a.Name}” chưa có địa chỉ email nhận.");
            }
            if (!a.IsGroup && a.Members.Count > 0)
            {
                Error(a.Line, "members", "Chỉ nhóm (group: true) mới có thành viên.");
            }
        }
        foreach (var a in raw)
        {
            if (a.Supervisor is { } s && !ids.ContainsKey(s))
            {
                Error(a.Line, "supervisor", $"Cơ quan cấp trên “{s}” không có trong danh bạ.");
            }
            foreach (var m in a.Members)
            {
                if (!ids.TryGetValue(m, out var member))
                {
                    Error(a.Line, "members", $"Thành viên “{m}” không có trong danh bạ.");
                }
                else if (member.IsGroup)
                {
                    Error(a.Line, "members", $"Thành viên “{m}” là một nhóm; nhóm không được lồng nhau.");
                }
            }
        }
        var successions = Successions(raw, ids, Error);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }
        var agencies = raw.Select(a => new Agency(
            new AgencyId(a.Id!), VietnameseText.Clean(a.Name!),
            a.Aliases.Select(VietnameseText.Clean).ToValueList(), a.To.ToValueList(), a.Cc.ToValueList(),
            a.Supervisor is { } s ? new AgencyId(s) : null,
            a.Members.Select(m => new AgencyId(m)).ToValueList(), a.IsGroup)
        {
            ReplacedBy = a.ReplacedBy is { } by ? new AgencyId(by) : null,
            ReplacedFrom = successions.TryGetValue(a, out var from) ? from : null,
        });
        return new(new AgencyDirectory(agencies), errors);
    }

    /// <summary>Checks each <c>replacedBy</c>/<c>from</c>: the successor exists, is an agency (not a group), and no chain comes back to itself.</summary>
    private static Dictionary<RawAgency, NodaTime.LocalDate> Successions(List<RawAgency> raw, Dictionary<string, RawAgency> ids, Action<int, string, string> error)
    {
        var dates = new Dictionary<RawAgency, NodaTime.LocalDate>();
        foreach (var a in raw)
        {
            if (a.ReplacedBy is null)
            {
                if (a.From is not null)
                {
                    error(a.Line, "from", "“from” chỉ dùng cùng “replacedBy” (cơ quan thay thế).");
                }
                continue;
            }
            if (!ids.TryGetValue(a.ReplacedBy, out var successor))
            {
                error(a.Line, "replacedBy", $"Cơ quan thay thế “{a.ReplacedBy}” không có trong danh bạ.");
            }
            else if (ReferenceEquals(successor, a))
            {
                error(a.Line, "replacedBy", "Cơ quan không thể thay thế chính nó.");
            }
            else if (successor.IsGroup || a.IsGroup)
            {
                error(a.Line, "replacedBy", "Chỉ một cơ quan (không phải nhóm) mới được thay bằng một cơ quan khác.");
            }
            var day = VietnamTime.ParseDate(a.From);
            if (day is null)
            {
                error(a.Line, "from", a.From is null
                    ? $"Thiếu “from”: ngày {a.ReplacedBy} bắt đầu thay thế (yyyy-MM-dd)."
                    : $"Ngày “{a.From}” không hợp lệ (dùng yyyy-MM-dd).");
            }
            else
            {
                dates[a] = day.Value;
            }
        }
        foreach (var a in raw.Where(a => a.ReplacedBy is not null && a.ReplacedBy != a.Id))
        {
            var seen = new HashSet<RawAgency> { a };
            for (var next = ids.GetValueOrDefault(a.ReplacedBy!); next is not null; next = next.ReplacedBy is { } n ? ids.GetValueOrDefault(n) : null)
            {
                if (!seen.Add(next))
                {
                    error(a.Line, "replacedBy", $"Chuỗi thay thế của “{a.Id}” quay lại chính nó ({string.Join(" → ", seen.Select(s => s.Id))}).");
                    break;
                }
            }
        }
        return dates;
    }
}
