using System.Text.RegularExpressions;

namespace Tdkt.Agencies;

/// <summary>An agency's stable slug ("so-noi-vu"): safe in Table keys and URLs.</summary>
public readonly partial record struct AgencyId
{
    public AgencyId(string value)
    {
        if (value is null || !Shape().IsMatch(value))
        {
            throw new ArgumentException($"An agency id is 1-64 characters of a-z, 0-9 and single '-': “{value}”.", nameof(value));
        }
        Value = value;
    }

    public string Value { get; }

    public static bool IsValid(string? value) => value is not null && Shape().IsMatch(value);

    public override string ToString() => Value;

    [GeneratedRegex("^(?!.*--)[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex Shape();
}
