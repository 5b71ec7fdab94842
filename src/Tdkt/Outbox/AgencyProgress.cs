
namespace Tdkt.Outbox;

/// <summary>The four official categories for one agency (done on time, done late, open within deadline, open overdue).</summary>
public sealed record AgencyProgress(string Agency, string AgencyName, int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue)
{
    public int Total => DoneOnTime + DoneLate + OpenInTime + OpenOverdue;
}
