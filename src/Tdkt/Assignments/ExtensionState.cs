using NodaTime;

namespace Tdkt.Assignments;

/// <summary>
/// What an assignment holds about extensions: the date last granted, and the last request (pending or decided).
/// The plan's own date stays in the row's <c>Due</c> column; the date in force is the later of the two
/// (<see cref="DueAfter"/>), so a re-import that moves the plan's date later wins, and an extension never brings a date forward.
/// </summary>
public sealed record ExtensionState(LocalDate? GrantedTo, ExtensionRequest? Request)
{
    public static readonly ExtensionState None = new(null, null);

    public bool IsPending => Request is { Status: ExtensionStatus.Pending };

    /// <summary>The due date in force for an assignment whose plan says <paramref name="planDue"/>.</summary>
    public LocalDate DueAfter(LocalDate planDue) => GrantedTo is { } to && to > planDue ? to : planDue;

    /// <summary>Whether the date in force is an extension of the plan's.</summary>
    public bool Extends(LocalDate planDue) => GrantedTo is { } to && to > planDue;
}
