using Tdkt.Agencies;
using Tdkt.Hosting;
using Tdkt.Plans;
using Tdkt.Plans.Import;

namespace Tdkt.Administration;

public sealed record ImportTaskView(string Number, string Quarter, string Due, string Phrase, string Lead, string Supporting, string Content);

/// <summary>
/// What an upload reads as: the message, every error at its place (file, line, field), what to check, what it does to
/// completed tasks, the header (editable) and the tasks; the content travels with the form that saves it.
/// </summary>
public sealed record ImportPreviewView(string Message, string Kind, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<string> Changes,
    bool NeedsConfirming, bool CanSave, string? Heading, string Number, string Issuer, string IssuedOn, IReadOnlyList<ImportTaskView> Tasks, string TaskCount,
    string Content, string FileName);

/// <summary>
/// Nhập kế hoạch: an uploaded file (every format the importer takes) or pasted text, previewed exactly as
/// <c>tdkt plan import --dry-run</c> previews it (<see cref="PlanImport"/>), then saved as a draft or activated, with the
/// confirmation a re-import asks for when it would move or drop recorded completions; audited with the signed-in person.
/// </summary>
public sealed class ConsoleImportPage(PlanImport import, PlanLifecycle lifecycle, AgencyStore agencies, AdminUsers users)
{
    public const int MaxTasksShown = 300;
    public const string PastedFileName = "noi-dung-dan.txt";

    public async Task<ImportPreviewView> PreviewAsync(byte[] content, string fileName, PlanReference? header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var outcome = await import.RunAsync(new PlanImportRequest(content, fileName) { DryRun = true, Header = header }, null, cancellationToken);
        return await ViewAsync(outcome, content, fileName, header, outcome.Result == PlanImportResult.Previewed ? null : outcome.Message, cancellationToken);
    }

    /// <summary>Saves the plan (a draft, or activated); when it cannot be saved, the preview again with why.</summary>
    public async Task<(bool Saved, string Message, ImportPreviewView? Again)> SaveAsync(byte[] content, string fileName, PlanReference? header, bool activate, bool confirm,
        string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var outcome = await import.RunAsync(new PlanImportRequest(content, fileName) { Header = header, ConfirmChanges = confirm }, null, cancellationToken);
        if (outcome.Result != PlanImportResult.Saved)
        {
            return (false, outcome.Message, await ViewAsync(outcome, content, fileName, header, outcome.Message, cancellationToken));
        }
        var message = outcome.Message;
        if (activate && outcome.Plan!.Status != PlanStatus.Active)
        {
            message += " " + (await lifecycle.SetStatusAsync(outcome.Plan.Id.Value, PlanStatus.Active, cancellationToken)).Message;
        }
        await users.AuditAsync(by, "plan-import", outcome.Plan!.Id.Value, $"{Path.GetFileName(fileName)}{(activate ? ", kích hoạt" : "")}", cancellationToken);
        return (true, message, null);
    }

    private async Task<ImportPreviewView> ViewAsync(PlanImportOutcome outcome, byte[] content, string fileName, PlanReference? header, string? problem,
        CancellationToken cancellationToken)
    {
        var directory = await agencies.LoadAsync(cancellationToken);
        string Names(IEnumerable<AgencyId> ids) => string.Join(", ", ids.Select(a => directory.Find(a)?.Name ?? a.Value));
        var plan = outcome.Plan;
        var errors = outcome.Errors.Take(Input.InputError.MaxListed).Select(e => e.ToString()).ToList();
        if (outcome.Errors.Count > errors.Count)
        {
            errors.Add($"… và {outcome.Errors.Count - errors.Count} lỗi khác.");
        }
        var canSave = outcome.Result is PlanImportResult.Previewed or PlanImportResult.NeedsConfirmation;
        var needs = outcome.Changes.Any(c => c.NeedsConfirming);
        return new ImportPreviewView(
            problem ?? (needs
                ? $"Đọc được kế hoạch. Lần nhập này chuyển hoặc bỏ kết quả hoàn thành đã ghi nhận của {outcome.Changes.Count(c => c.NeedsConfirming)} nhiệm vụ (liệt kê bên dưới): kiểm tra, rồi đánh dấu xác nhận khi lưu."
                : "Đọc được kế hoạch, chưa lưu gì. Kiểm tra phần đầu và các nhiệm vụ, rồi lưu."),
            problem is null ? (needs ? "warn" : "ok") : "warn",
            errors, outcome.Warnings, outcome.ChangeLines, needs, canSave,
            plan is null ? null : $"Kế hoạch số {plan.Number}: {plan.Title} ({plan.Tasks.Count} nhiệm vụ, mã {plan.Id})",
            header?.Number ?? plan?.Number ?? "", header?.Issuer ?? plan?.Issuer ?? "", header?.IssuedOn ?? (plan is null ? "" : VietnamTime.ShortDate(plan.IssuedOn)),
            plan is null ? [] : [.. plan.Tasks.Take(MaxTasksShown).Select(t => new ImportTaskView(t.Number, Quarters.Heading(t.Quarter),
                t.Deadline.IsOngoing ? "Thường xuyên" : VietnamTime.ShortDate(t.Deadline.Due), t.Deadline.Phrase, Names(t.LeadAgencies), Names(t.Agencies.Skip(t.Leads)), t.Content))],
            plan is null ? "" : plan.Tasks.Count > MaxTasksShown ? $"{plan.Tasks.Count} nhiệm vụ; hiện {MaxTasksShown} nhiệm vụ đầu." : $"{plan.Tasks.Count} nhiệm vụ.",
            Convert.ToBase64String(content), Path.GetFileName(fileName));
    }
}
