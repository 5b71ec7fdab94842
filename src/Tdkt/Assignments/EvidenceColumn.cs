using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Tdkt.Wording;

namespace Tdkt.Assignments;

/// <summary>The <c>Files</c> column of an assignment row and its agency copy: the attached files as JSON ("" or missing: none).</summary>
public static class EvidenceColumn
{
    public const string Name = "Files";

    private sealed record Item(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("bytes")] long Bytes,
        [property: JsonPropertyName("at")] long AtUnixMs,
        [property: JsonPropertyName("by")] string? By,
        [property: JsonPropertyName("via")] string Via);

    /// <summary>The files (a value-equal list, so records holding it compare by value).</summary>
    public static ValueList<EvidenceFile> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return None;
        }
        var items = JsonSerializer.Deserialize<List<Item>>(json) ?? [];
        return new(items.Select(i => new EvidenceFile(i.Id, i.Name, Enum.Parse<EvidenceKind>(i.Kind, ignoreCase: true), i.Bytes,
            Instant.FromUnixTimeMilliseconds(i.AtUnixMs), i.By, i.Via)));
    }

    public static readonly ValueList<EvidenceFile> None = new([]);

    public static string Write(IEnumerable<EvidenceFile> files) =>
        JsonSerializer.Serialize(files.Select(f => new Item(f.Id, f.Name, f.Kind.ToString().ToLowerInvariant(), f.Bytes, f.At.ToUnixTimeMilliseconds(), f.By, f.Via)));

    /// <summary>"1,2 MB", "350 KB": a size as the page shows it.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? VietnameseNumbers.OneDecimal(bytes / 1024d / 1024d) + " MB"
        : Math.Max(1, (bytes + 512) / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) + " KB";
}
