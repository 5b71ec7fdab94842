using System.ComponentModel.DataAnnotations;

namespace Tdkt.Reminders;

/// <summary>When the daily sweep runs and which working calendar it uses (<c>Tdkt:Sweep</c>, env <c>Tdkt__Sweep__…</c>).</summary>
public sealed class SweepOptions
{
    public const string Section = "Tdkt:Sweep";

    /// <summary>
    /// Six-field NCRONTAB in UTC. The default, 01:00 UTC every day, is 08:00 in Vietnam (UTC+7 all year);
    /// the working calendar, not the schedule, decides which days send mail.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(@"^\S+( \S+){5}$", ErrorMessage = "Tdkt:Sweep:Schedule must be a six-field NCRONTAB expression in UTC, such as \"0 0 1 * * *\".")]
    public string Schedule { get; set; } = "0 0 1 * * *";

}
