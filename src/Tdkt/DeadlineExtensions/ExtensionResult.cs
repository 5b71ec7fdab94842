using NodaTime;
using Tdkt.Assignments;

namespace Tdkt.DeadlineExtensions;

/// <summary>The outcome, the assignment as it was before (for the messages), and the date in force after.</summary>
public sealed record ExtensionResult(ExtensionOutcome Outcome, AssignmentRecord? Record, LocalDate? Due = null);
