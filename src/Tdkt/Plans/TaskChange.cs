using Tdkt.Agencies;

namespace Tdkt.Plans;

/// <summary>What a re-import does to one stored task that has recorded completions (<see cref="DoneBy"/>: the agencies concerned).</summary>
public sealed record TaskChange(TaskChangeKind Kind, string Key, string OldNumber, string? NewNumber, IReadOnlyList<AgencyId> DoneBy)
{
    /// <summary>Whether the change moves or drops a recorded completion, so that the import needs confirming.</summary>
    public bool NeedsConfirming => Kind != TaskChangeKind.Changed;

    public string Describe(AgencyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var names = string.Join(", ", DoneBy.Select(a => directory.Find(a)?.Name ?? a.Value));
        return Kind switch
        {
            TaskChangeKind.Renumbered => $"Nhiệm vụ số {OldNumber} thành số {NewNumber}; kết quả hoàn thành ({names}) đi theo nhiệm vụ sang số {NewNumber}.",
            TaskChangeKind.Changed => $"Nhiệm vụ số {OldNumber} đổi nội dung hoặc thời hạn; kết quả hoàn thành ({names}) được giữ.",
            TaskChangeKind.Retired => $"Nhiệm vụ số {OldNumber} không còn trong kế hoạch; kết quả hoàn thành ({names}) sẽ không còn được tính.",
            _ => $"Nhiệm vụ số {OldNumber} không còn giao cho {names}; kết quả hoàn thành của {(DoneBy.Count > 1 ? "các cơ quan này" : "cơ quan này")} sẽ không còn được tính.",
        };
    }

    /// <summary>
    /// The changes a re-import of <paramref name="next"/> (keys resolved) makes to the stored tasks that have completions
    /// (<paramref name="done"/>: task key → agencies that completed it).
    /// </summary>
    public static IReadOnlyList<TaskChange> Between(IReadOnlyList<StoredTask> stored, IReadOnlyDictionary<string, IReadOnlyList<AgencyId>> done, Plan next)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(next);
        var byKey = next.Tasks.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var changes = new List<TaskChange>();
        foreach (var old in stored.Where(s => !s.Removed))
        {
            if (!done.TryGetValue(old.Key, out var agencies) || agencies.Count == 0)
            {
                continue;
            }
            if (!byKey.TryGetValue(old.Key, out var task))
            {
                changes.Add(new TaskChange(TaskChangeKind.Retired, old.Key, old.Number, null, agencies));
                continue;
            }
            var kept = agencies.Where(task.Agencies.Contains).ToList();
            var dropped = agencies.Where(a => !task.Agencies.Contains(a)).ToList();
            if (kept.Count > 0 && task.Number != old.Number)
            {
                changes.Add(new TaskChange(TaskChangeKind.Renumbered, old.Key, old.Number, task.Number, kept));
            }
            else if (kept.Count > 0 && (task.Content != old.Content || task.Deadline.Due != old.Due))
            {
                changes.Add(new TaskChange(TaskChangeKind.Changed, old.Key, old.Number, task.Number, kept));
            }
            if (dropped.Count > 0)
            {
                changes.Add(new TaskChange(TaskChangeKind.Unassigned, old.Key, old.Number, task.Number, dropped));
            }
        }
        return changes;
    }

    /// <summary>The note an audit row keeps of the change for one agency.</summary>
    public string AuditNote(string file) => Kind switch
    {
        TaskChangeKind.Renumbered => $"Nhập {file}: nhiệm vụ số {OldNumber} thành số {NewNumber}.",
        TaskChangeKind.Retired => $"Nhập {file}: nhiệm vụ số {OldNumber} không còn trong kế hoạch.",
        TaskChangeKind.Unassigned => $"Nhập {file}: nhiệm vụ số {OldNumber} không còn giao cho cơ quan này.",
        _ => $"Nhập {file}: nhiệm vụ số {OldNumber} đổi nội dung hoặc thời hạn.",
    };
}
