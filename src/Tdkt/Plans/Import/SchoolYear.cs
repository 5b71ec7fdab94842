using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Tdkt.Plans.Import;

/// <summary>
/// A school year's plan ("năm học 2025 - 2026"): its deadlines run from 1 August of the year it starts in to 31 July of
/// the year it ends in (its plan year); the school year itself ends on 31 May, which "Cả năm học" means.
/// </summary>
public sealed partial record SchoolYear(LocalDate Start, LocalDate End, LocalDate Closes)
{
    public static SchoolYear Of(int startYear) => new(new LocalDate(startYear, 8, 1), new LocalDate(startYear + 1, 7, 31), new LocalDate(startYear + 1, 5, 31));

    public string Name => string.Create(CultureInfo.InvariantCulture, $"năm học {Start.Year} - {End.Year}");

    public bool Contains(LocalDate day) => day >= Start && day <= End;

    /// <summary>"Cả năm học", "Trong năm học", "Hết năm học", "Năm học": due when the school year closes; null for any other phrase.</summary>
    public Deadline? Whole(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var clean = Input.VietnameseText.Clean(phrase).TrimEnd('.', ';', ',');
        return WholeSchoolYear().IsMatch(clean) ? new Deadline(DeadlineRule.EndOfYear, clean, Closes) : null;
    }

    [GeneratedRegex(@"^(?:(?:cả|trong|hết|cuối|suốt)\s+)?năm học(?:\s+\d{4}\s*[-–]\s*\d{4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeSchoolYear();
}
