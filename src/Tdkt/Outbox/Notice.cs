using NodaTime;

namespace Tdkt.Outbox;

/// <summary>One task an agency hears about today. <see cref="WorkingDaysLeft"/> is negative when overdue.</summary>
public sealed record Notice(string Plan, string TaskKey, string Task, NoticeKind Kind, LocalDate Due, int WorkingDaysLeft);
