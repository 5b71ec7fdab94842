
namespace Tdkt.Scheduling;

/// <summary>What started a sweep, as its run record keeps it.</summary>
public static class SweepTriggers
{
    public const string Timer = "timer";

    /// <summary>The timer fired late (the host was down at the scheduled time); missed days are covered.</summary>
    public const string TimerPastDue = "timer-past-due";

    public const string Cli = "cli";

    /// <summary>The self-hosted server's first sweep at start.</summary>
    public const string SelfHostStart = "tdkt-up";

    /// <summary>The timer function run by hand, through the Functions host's admin API (POST /admin/functions/Sweep).</summary>
    public const string AdminApi = "admin-api";

    /// <summary>
    /// What fired the timer function. The host passes the schedule status it keeps: when the schedule fires, its
    /// <c>Next</c> is the occurrence being run (now, give or take a second); when the function is run by hand through
    /// the admin API, <c>Next</c> is still the coming occurrence, later than now. <paramref name="next"/> as the host
    /// writes it (UTC on Linux hosts; a time without a zone is taken as UTC).
    /// </summary>
    public static string OfTimer(bool isPastDue, DateTime? next, DateTimeOffset now)
    {
        if (isPastDue)
        {
            return TimerPastDue;
        }
        if (next is not { } due)
        {
            return Timer;
        }
        var at = due.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(due, TimeSpan.Zero) : new DateTimeOffset(due.ToUniversalTime(), TimeSpan.Zero);
        return at - now > TimeSpan.FromMinutes(1) ? AdminApi : Timer;
    }
}
