using System.Text.RegularExpressions;
using Tdkt.Input;

namespace Tdkt.Plans;

/// <summary>A plan's stable slug, derived from its year and number ("2023-252-kh-ubnd") so a re-load finds the same plan.</summary>
public readonly partial record struct PlanId
{
    public PlanId(string value)
    {
        if (value is null || !Shape().IsMatch(value))
        {
            throw new ArgumentException($"A plan id is 1-80 characters of a-z, 0-9 and '-': “{value}”.", nameof(value));
        }
        Value = value;
    }

    public string Value { get; }

    public static PlanId For(int year, string number) => new($"{year}-{VietnameseText.Slug(number)}");

    public static bool IsValid(string? value) => value is not null && Shape().IsMatch(value);

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")]
    private static partial Regex Shape();
}
