using NodaTime;
using NodaTime.Text;

namespace Tdkt.Outbox;

/// <summary>
/// What makes a digest unique: one per agency, kind and local date. The outbox row and the provider's
/// operation id are derived from it, so whatever runs twice writes, and sends, once.
/// </summary>
public readonly record struct DigestKey(LocalDate Date, DigestKind Kind, string Agency)
{
    public string PartitionKey => LocalDatePattern.Iso.Format(Date);

    public string RowKey => $"{KindName}~{Agency}";

    /// <summary>"2023-03-24/daily/so-noi-vu": the queue message and the basis of idempotency keys.</summary>
    public string Value => $"{PartitionKey}/{KindName}/{Agency}";

    private string KindName => Kind switch
    {
        DigestKind.Daily => "daily",
        DigestKind.Weekly => "weekly",
        _ => "report",
    };

    public override string ToString() => Value;

    public static DigestKey Parse(string value) =>
        TryParse(value) ?? throw new FormatException($"'{value}' is not a digest key (yyyy-MM-dd/daily|weekly|report/agency).");

    public static DigestKey? TryParse(string? value)
    {
        var parts = value?.Split('/') ?? [];
        if (parts.Length != 3 || !LocalDatePattern.Iso.Parse(parts[0]).TryGetValue(default, out var date)
            || parts[1] is not ("daily" or "weekly" or "report") || parts[2].Length == 0)
        {
            return null;
        }
        return new DigestKey(date, parts[1] switch { "daily" => DigestKind.Daily, "weekly" => DigestKind.Weekly, _ => DigestKind.Report }, parts[2]);
    }
}
