using System.Text.RegularExpressions;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Clock;
using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>One name as a plan wrote it in an agencies cell, and what the directory makes of it.</summary>
internal sealed record WrittenAgency(string Written, AgencyResolution Resolution);

/// <summary>
/// The directory as one build uses it: each name looked up once (plans repeat the same agencies on every row); a cell's
/// text cut into the directory's names longest-first across its separators (so "Hội đồng Thi đua - Khen thưởng tỉnh" and
/// "Sở Văn hóa, Thể thao và Du lịch" stay whole); a person's title read as that person's agency ("Giám đốc Sở Nội vụ");
/// and "did you mean" worked out only for the first unknown names, since an answer lists 100 errors and a file full of
/// unknown names must not cost a distance to every directory name for each.
/// </summary>
internal sealed partial class AgencyLookup(AgencyDirectory directory)
{
    private readonly Dictionary<string, AgencyResolution> resolved = new(StringComparer.Ordinal);
    private int suggested;

    /// <summary>The most separator-delimited parts one item is cut into; a longer list is looked up whole.</summary>
    private const int MaxParts = 64;

    /// <summary>A name as written, else the same name without a person's title before it.</summary>
    public AgencyResolution Resolve(string name)
    {
        if (resolved.TryGetValue(name, out var known))
        {
            return known;
        }
        var result = directory.Resolve(name, suggest: false);
        if (result is AgencyResolution.Unknown && WithoutTitle(name) is { } office)
        {
            var byOffice = directory.Resolve(office, suggest: false);
            if (byOffice is not AgencyResolution.Unknown)
            {
                result = byOffice;
            }
        }
        return resolved[name] = result;
    }

    /// <summary>
    /// The names an agencies item holds: the whole item when the directory knows it; else the item cut at its
    /// separators (",", ";", " - ") into the longest runs of parts the directory knows, from the left, with the parts
    /// no run covers kept together as one unknown name as written ("Phòng Văn hóa - Xã hội", not two names).
    /// </summary>
    public IReadOnlyList<WrittenAgency> Segment(string item)
    {
        var whole = Resolve(item);
        if (whole is not AgencyResolution.Unknown)
        {
            return [new WrittenAgency(item, whole)];
        }
        var (parts, separators) = Parts(item);
        if (parts.Count < 2 || parts.Count > MaxParts)
        {
            return SplitKnown(item) is { } names ? [.. names.Select(n => new WrittenAgency(n, Resolve(n)))] : [new WrittenAgency(item, whole)];
        }
        var result = new List<WrittenAgency>();
        var unknownFrom = -1;
        for (var start = 0; start < parts.Count;)
        {
            var end = parts.Count;
            AgencyResolution? found = null;
            for (; end > start; end--)
            {
                var r = Resolve(Join(parts, separators, start, end));
                if (r is not AgencyResolution.Unknown)
                {
                    found = r;
                    break;
                }
            }
            if (found is null)
            {
                unknownFrom = unknownFrom < 0 ? start : unknownFrom;
                start++;
                continue;
            }
            FlushUnknown(start);
            result.Add(new WrittenAgency(Join(parts, separators, start, end), found));
            start = end;
        }
        FlushUnknown(parts.Count);
        return result;

        void FlushUnknown(int until)
        {
            if (unknownFrom < 0)
            {
                return;
            }
            var written = Join(parts, separators, unknownFrom, until);
            // Names run together, as a PDF cell's lines join: "Sở Kế hoạch và Đầu tư Hiệp hội Doanh nghiệp tỉnh".
            if (SplitKnown(written) is { } names)
            {
                result.AddRange(names.Select(n => new WrittenAgency(n, Resolve(n))));
            }
            else
            {
                result.Add(new WrittenAgency(written, Resolve(written)));
            }
            unknownFrom = -1;
        }
    }

    /// <summary>
    /// The item as consecutive directory names, each the longest that resolves from where the last ended; null when
    /// some words belong to no name (at most 16 words are tried).
    /// </summary>
    private List<string>? SplitKnown(string item)
    {
        var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 16)
        {
            return null;
        }
        var names = new List<string>();
        for (var start = 0; start < words.Length;)
        {
            var end = words.Length;
            while (end > start && Resolve(string.Join(' ', words[start..end]).TrimEnd(',', ';', '.')) is not AgencyResolution.Found)
            {
                end--;
            }
            if (end == start)
            {
                return null;
            }
            names.Add(string.Join(' ', words[start..end]).TrimEnd(',', ';', '.'));
            start = end;
        }
        return names.Count > 1 ? names : null;
    }

    /// <summary>How many names the item lists at most: its separator-delimited parts.</summary>
    public static int PartCount(string item) => Separator().Count(item) + 1;

    private static (List<string> Parts, List<string> Separators) Parts(string item)
    {
        var parts = new List<string>();
        var separators = new List<string>();
        var at = 0;
        foreach (Match m in Separator().Matches(item))
        {
            parts.Add(item[at..m.Index].Trim());
            separators.Add(m.Value);
            at = m.Index + m.Length;
        }
        parts.Add(item[at..].Trim());
        return (parts, separators);
    }

    private static string Join(List<string> parts, List<string> separators, int start, int end)
    {
        var builder = new System.Text.StringBuilder(parts[start]);
        for (var i = start + 1; i < end; i++)
        {
            builder.Append(separators[i - 1]).Append(parts[i]);
        }
        return builder.ToString().Trim().TrimEnd('.', ',', ';').Trim();
    }

    /// <summary>
    /// The office a person's title names: "Giám đốc Sở Nội vụ" is Sở Nội vụ, "Chánh Văn phòng UBND tỉnh" is Văn phòng UBND
    /// tỉnh, "Chủ tịch UBND các xã, phường" the communes' committees, "Thủ trưởng các sở, ban, ngành" the departments.
    /// </summary>
    public static string? WithoutTitle(string name) =>
        Title().Match(name) is { Success: true } m && m.Length < name.Length ? name[m.Length..].Trim() : null;

    /// <summary>A person's title (with "Đồng chí" and "Phó" before it), up to the office it heads.</summary>
    [GeneratedRegex(@"^(?:(?:đồng chí|đ/c)\s+)?(?:(?:phó|các phó)\s+)?(?:giám đốc|tổng giám đốc|chủ tịch|chánh(?=\s+(?:văn phòng|thanh tra))|chánh án|thủ trưởng|người đứng đầu|lãnh đạo|bộ trưởng|thứ trưởng|vụ trưởng|cục trưởng|tổng cục trưởng|viện trưởng|hiệu trưởng|bí thư|trưởng ban|trưởng phòng|trưởng|chỉ huy trưởng|tư lệnh|giám thị)\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Title();

    /// <summary>Where a list of names may be cut: a comma, a semicolon, or a dash between spaces.</summary>
    [GeneratedRegex(@"\s*[,;]\s*|\s+[-–]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    private readonly Dictionary<string, List<string>> unknown = new(StringComparer.Ordinal);

    /// <summary>At most this many distinct unknown names are kept for fixing in place (the errors list them all, capped).</summary>
    public const int MaxUnknownNames = 50;

    public void NoteUnknown(string written, string task)
    {
        if (unknown.TryGetValue(written, out var tasks) || (unknown.Count < MaxUnknownNames && unknown.TryAdd(written, tasks = [])))
        {
            if (tasks!.Count == 0 || tasks[^1] != task)
            {
                tasks.Add(task);
            }
        }
    }

    public IReadOnlyList<UnknownAgency> UnknownNames => [.. unknown.Select(u => new UnknownAgency(u.Key, u.Value))];

    public ValueList<string> Suggest(string name) =>
        suggested++ < InputError.MaxListed ? directory.Suggest(WithoutTitle(name) ?? name) : Array.Empty<string>().ToValueList();

    /// <summary>The day successors are taken on (the plan's start, or its date of issue when later); null: none is.</summary>
    public LocalDate? On { get; init; }

    private readonly Dictionary<(AgencyId Old, AgencyId New), List<string>> replaced = [];

    /// <summary>The task's agencies with each replaced one given to its successor (once, keeping the lead ones first).</summary>
    public (ValueList<AgencyId> Agencies, int Leads) Successors(ValueList<AgencyId> agencies, int leads, string task)
    {
        if (On is not { } on || !agencies.Any(a => directory.Find(a)?.ReplacedBy is not null))
        {
            return (agencies, leads);
        }
        var mapped = agencies.Select(a => directory.SuccessorOn(a, on)).ToList();
        for (var i = 0; i < agencies.Count; i++)
        {
            if (mapped[i] != agencies[i])
            {
                (replaced.TryGetValue((agencies[i], mapped[i]), out var tasks) ? tasks : replaced[(agencies[i], mapped[i])] = []).Add(task);
            }
        }
        var lead = mapped.Take(leads).Distinct().ToList();
        return (lead.Concat(mapped.Skip(leads).Distinct().Where(a => !lead.Contains(a))).ToValueList(), Math.Max(1, lead.Count));
    }

    public IReadOnlyList<string> ReplacementWarnings(AgencyDirectory names) =>
    [
        .. replaced.Select(r =>
        {
            var old = names.Find(r.Key.Old)!;
            var tasks = r.Value.Distinct().ToList();
            var listed = string.Join(", ", tasks.Take(20)) + (tasks.Count > 20 ? $" và {tasks.Count - 20} nhiệm vụ khác" : "");
            return $"{old.Name} đã được thay bằng {names.Find(r.Key.New)?.Name ?? r.Key.New.Value} từ ngày {VietnamTime.ShortDate(old.ReplacedFrom!.Value)}: "
                + $"nhiệm vụ {listed} giao cho {names.Find(r.Key.New)?.Name ?? r.Key.New.Value}. Kiểm tra lại trước khi kích hoạt.";
        }),
    ];
}
