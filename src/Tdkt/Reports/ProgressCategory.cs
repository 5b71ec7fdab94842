
namespace Tdkt.Reports;

/// <summary>The four official categories of task progress, and the ongoing tasks ("thường xuyên") reported beside them.</summary>
public enum ProgressCategory
{
    DoneOnTime,
    DoneLate,
    OpenInTime,
    OpenOverdue,

    /// <summary>A task done all year ("Thường xuyên"), with no due date: never overdue, counted apart.</summary>
    Ongoing,
}
