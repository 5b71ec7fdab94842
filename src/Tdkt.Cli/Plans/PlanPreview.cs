using Tdkt.Clock;
using Tdkt.Plans;

namespace Tdkt.Cli.Plans;

/// <summary>What an import will store, as an administrator checks it: each task's due date, original phrase and agencies (lead first).</summary>
public static class PlanPreview
{
    public static async Task WriteAsync(TextWriter output, Plan plan)
    {
        await output.WriteLineAsync($"Kế hoạch số {plan.Number} ngày {VietnamTime.ShortDate(plan.IssuedOn)} của {plan.Issuer}");
        var written = TaskSeries.Written(plan.Tasks);
        var recurring = written.Where(w => w.Written.Series is not null).ToList();
        await output.WriteLineAsync($"{plan.Title} · mã {plan.Id} · {written.Count} nhiệm vụ"
            + (recurring.Count > 0 ? $" (trong đó {recurring.Count} nhiệm vụ định kỳ, {recurring.Sum(r => r.Occurrences.Count)} kỳ)" : "")
            + $", {plan.Assignments.Count()} lượt giao việc");
        await output.WriteLineAsync($"{"TT",-6} {"Quý",-4} {"Hạn",-10}  {"Thời hạn ghi trong kế hoạch",-28} Cơ quan (chủ trì trước)");
        foreach (var (task, occurrences) in written)
        {
            var due = task.Deadline.IsOngoing ? "không hạn" : VietnamTime.ShortDate(task.Deadline.Due);
            await output.WriteLineAsync(
                $"{task.Number,-6} {Quarters.Roman(task.Quarter),-4} {due,-10}  {Truncate(task.Deadline.Phrase, 28),-28} {string.Join(", ", task.Agencies)}");
            if (task.Series is not null)
            {
                // Each occurrence is reminded and confirmed on its own: the preview lists them all.
                await output.WriteLineAsync($"{"",-6} {occurrences.Count} kỳ: {string.Join(", ", occurrences.Select(i => VietnamTime.ShortDate(plan.Tasks[i].Deadline.Due)))}");
            }
        }
    }

    /// <summary>The lines that name an agency or a deadline and were not read as tasks, each with where it is and why.</summary>
    public static async Task WriteNotReadAsync(TextWriter output, IReadOnlyList<Tdkt.Plans.Import.UnreadLine> notRead)
    {
        if (notRead.Count == 0)
        {
            return;
        }
        await output.WriteLineAsync($"Không đọc thành nhiệm vụ ({notRead.Count} đoạn hoặc dòng có tên cơ quan hoặc thời hạn):");
        foreach (var line in notRead.Take(Tdkt.Plans.Import.UnreadLine.MaxListed))
        {
            await output.WriteLineAsync($"- {line.Place}: “{Truncate(line.Text, 100)}”: {line.Reason}");
        }
        if (notRead.Count > Tdkt.Plans.Import.UnreadLine.MaxListed)
        {
            await output.WriteLineAsync($"- và {notRead.Count - Tdkt.Plans.Import.UnreadLine.MaxListed} dòng khác.");
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
