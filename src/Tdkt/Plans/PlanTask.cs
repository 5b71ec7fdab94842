using Tdkt.Agencies;

namespace Tdkt.Plans;

/// <summary>
/// One numbered task. <see cref="Agencies"/> is ordered as the plan lists them: the first <see cref="Leads"/> lead ("chủ trì"), the others support.
/// <see cref="Quarter"/> is the section it was listed under (or the quarter of its date for prose tasks).
/// </summary>
public sealed record PlanTask(
    string Number,
    string Content,
    int Quarter,
    Deadline Deadline,
    ValueList<AgencyId> Agencies)
{
    /// <summary>
    /// The task's identity in storage: its completions belong to it. By default the key of its number
    /// (<see cref="KeyFor"/>); a key given in the file, or the key of the stored task it was matched to on a
    /// re-import (<see cref="TaskIdentity"/>), survives renumbering.
    /// </summary>
    public string Key { get; init; } = KeyFor(Number);

    /// <summary>How many of <see cref="Agencies"/>, from the first, lead the task: 1 unless the plan names several "chủ trì".</summary>
    public int Leads { get; init; } = 1;

    /// <summary>
    /// For one occurrence of a recurring duty ("Hằng tháng, trước ngày 20"): the task as the plan numbers it and which
    /// occurrence this is. Each occurrence is a task of its own (its own key, deadline, reminders and confirmations);
    /// its <see cref="Number"/> names the occurrence ("5 (tháng 01/2026)").
    /// </summary>
    public TaskSeries? Series { get; init; }

    /// <summary>The agencies that lead the task.</summary>
    public IEnumerable<AgencyId> LeadAgencies => Agencies.Take(Leads);

    /// <summary>A fixed-width, storage-safe key that sorts as the plan does ("7" -> "0007", "III.1" -> "iii-1").</summary>

    public static string KeyFor(string number) =>
        number.All(char.IsAsciiDigit) && number.Length <= 4
            ? number.PadLeft(4, '0')
            : Input.VietnameseText.Slug(number);
}
