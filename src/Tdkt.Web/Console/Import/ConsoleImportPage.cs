using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Clock;
using Tdkt.Input;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Console.Agencies;
using Tdkt.Web.Console.Plans;

namespace Tdkt.Web.Console.Import;

/// <summary>
/// Nhập kế hoạch: an uploaded file (every format the importer takes) or pasted text, previewed exactly as
/// <c>tdkt plan import --dry-run</c> previews it (<see cref="PlanImport"/>), then saved as a draft or activated, with the
/// confirmation a re-import asks for when it would move or drop recorded completions; audited with the signed-in person.
/// </summary>
public sealed class ConsoleImportPage(PlanImport import, PlanLifecycle lifecycle, AgencyStore agencies, AgencyEdits edits, ConsoleImportForecast forecast,
    AdminUsers users)
{
    public const int MaxTasksShown = 300;

    /// <summary>Most unknown names offered a fix in place; the errors list names the rest.</summary>
    public const int MaxFixesShown = 20;
    public const string PastedFileName = "noi-dung-dan.txt";

    public async Task<ImportPreviewView> PreviewAsync(byte[] content, string fileName, PlanReference? header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var outcome = await import.RunAsync(new PlanImportRequest(content, fileName) { DryRun = true, Header = header }, null, cancellationToken);
        return await ViewAsync(outcome, content, fileName, header, outcome.Result == PlanImportResult.Previewed ? null : outcome.Message, cancellationToken);
    }

    /// <summary>
    /// Applies the administrator's fixes for unknown names (each recorded as an alias of the agency it means, or added as
    /// an agency, audited; one that cannot be applied says why and changes nothing), then previews the same content again.
    /// </summary>
    public async Task<ImportPreviewView> FixAsync(byte[] content, string fileName, PlanReference? header, IReadOnlyList<AgencyFix> fixes, string by,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        var done = new List<MessageView>();
        // Only a whole name this document writes and the directory lacks can be recorded: the form's hidden name is checked
        // against the file's own unknown names, so no fragment or hand-made name becomes a permanent alias.
        var before = await import.RunAsync(new PlanImportRequest(content, fileName) { DryRun = true, Header = header }, null, cancellationToken);
        var written = before.UnknownAgencies.Select(u => u.Written).ToHashSet(StringComparer.Ordinal);
        foreach (var fix in fixes.Where(f => f.Action is "alias" or "new").Take(MaxFixesShown))
        {
            AgencyEditOutcome outcome;
            if (!written.Contains(fix.Written))
            {
                outcome = AgencyEditOutcome.Refused("name", "tên này không phải một tên cơ quan chưa có trong danh bạ mà văn bản ghi; không ghi gì.");
            }
            else if (fix.Action == "alias")
            {
                outcome = AgencyId.IsValid(fix.Agency)
                    ? await edits.AddAliasAsync(new AgencyId(fix.Agency!), fix.Written, cancellationToken)
                    : AgencyEditOutcome.Refused("agency", "chưa chọn cơ quan trong danh bạ.");
                if (outcome.Saved)
                {
                    await users.AuditAsync(by, ConsoleAgencyEditing.Actions.Alias, fix.Agency!, fix.Written, cancellationToken);
                }
            }
            else
            {
                outcome = await edits.SaveAsync(new AgencyForm(fix.NewId ?? "", fix.Written, "", fix.NewTo ?? "", "", fix.NewSupervisor ?? "", false, "", "", ""),
                    null, cancellationToken);
                if (outcome.Saved)
                {
                    await users.AuditAsync(by, ConsoleAgencyEditing.Actions.Add, fix.NewId!.Trim(), fix.Written, cancellationToken);
                }
            }
            done.Add(outcome.Saved
                ? new MessageView("ok", outcome.Message)
                : new MessageView("warn", $"“{fix.Written}”: chưa sửa được: {string.Join(" ", outcome.Errors.Select(e => e.Message))}"));
        }
        var preview = await PreviewAsync(content, fileName, header, cancellationToken);
        return preview with { Fixes = done };
    }

    public static class Actions
    {
        public const string PlanImport = "plan-import";
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
        await users.AuditAsync(by, Actions.PlanImport, outcome.Plan!.Id.Value, $"{Path.GetFileName(fileName)}{(activate ? ", kích hoạt" : "")}", cancellationToken);
        return (true, message, null);
    }

    private async Task<ImportPreviewView> ViewAsync(PlanImportOutcome outcome, byte[] content, string fileName, PlanReference? header, string? problem,
        CancellationToken cancellationToken)
    {
        var directory = await agencies.LoadAsync(cancellationToken);
        string Names(IEnumerable<AgencyId> ids) => string.Join(", ", ids.Select(a => directory.Find(a)?.Name ?? a.Value));
        var plan = outcome.Plan;
        var errors = outcome.Errors.Take(Input.InputError.MaxListed).Select(e => (e with { Message = PlanHeaderOverrides.Rehint(e, HeaderHint) }).Describe()).ToList();
        if (outcome.Errors.Count > errors.Count)
        {
            errors.Add($"… và {outcome.Errors.Count - errors.Count} lỗi khác.");
        }
        var canSave = outcome.Result is PlanImportResult.Previewed or PlanImportResult.NeedsConfirmation;
        var needs = outcome.Changes.Any(c => c.NeedsConfirming);
        var choices = directory.Agencies.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new FilterOption(a.Id.Value, a.Name, false)).ToList();
        var unknown = outcome.UnknownAgencies.Take(MaxFixesShown).Select((u, i) =>
        {
            var suggested = directory.Suggest(u.Written).Select(directory.FindByName).OfType<Agency>().ToList();
            return new UnknownAgencyView(i, u.Written, Tasks(u.Tasks),
                // Nothing is chosen for the person: the closest names come first, and the person picks one.
                [new FilterOption("", "— chọn cơ quan —", true),
                    .. suggested.Select(a => new FilterOption(a.Id.Value, $"Có phải: {a.Name}", false)),
                    .. choices],
                VietnameseText.Slug(u.Written) is { Length: <= 64 } slug && AgencyId.IsValid(slug) ? slug : "", suggested.Count > 0);
        }).ToList();
        // A recurring duty is one line, with every occurrence's date.
        var written = plan is null ? [] : TaskSeries.Written(plan.Tasks);
        var forecastDays = plan is not null && canSave ? await forecast.BuildAsync(plan, directory, cancellationToken) : [];
        return new ImportPreviewView(
            problem ?? (needs
                ? $"Đọc được kế hoạch. Lần nhập này chuyển hoặc bỏ kết quả hoàn thành đã ghi nhận của {outcome.Changes.Count(c => c.NeedsConfirming)} nhiệm vụ (liệt kê bên dưới): kiểm tra, rồi đánh dấu xác nhận khi lưu."
                : "Đọc được kế hoạch, chưa lưu gì. Kiểm tra phần đầu và các nhiệm vụ, rồi lưu."),
            problem is null ? (needs ? "warn" : "ok") : "warn",
            errors, outcome.Warnings, outcome.ChangeLines, needs, canSave,
            plan is null ? null : $"Kế hoạch số {plan.Number}: {plan.Title} ({written.Count} nhiệm vụ, mã {plan.Id})",
            header?.Number ?? plan?.Number ?? "", header?.Issuer ?? plan?.Issuer ?? "", header?.IssuedOn ?? (plan is null ? "" : VietnamTime.ShortDate(plan.IssuedOn)),
            [.. written.Take(MaxTasksShown).Select(w => new ImportTaskView(w.Written.Number, Quarters.Heading(w.Written.Quarter), DueText(plan!, w.Written, w.Occurrences),
                w.Written.Deadline.Phrase, Names(w.Written.LeadAgencies), Names(w.Written.Agencies.Skip(w.Written.Leads)), w.Written.Content))],
            plan is null ? "" : (written.Count > MaxTasksShown ? $"{written.Count} nhiệm vụ; hiện {MaxTasksShown} nhiệm vụ đầu." : $"{written.Count} nhiệm vụ.")
                + (written.Count(w => w.Written.Series is not null) is var recurring and > 0 ? $" Trong đó {recurring} nhiệm vụ định kỳ: mỗi kỳ được nhắc và xác nhận riêng." : ""),
            Convert.ToBase64String(content), Path.GetFileName(fileName))
        {
            Unknown = unknown,
            Supervisors = unknown.Count > 0 ? [new FilterOption("", "— không có —", true), .. choices] : [],
            Forecast = forecastDays,
            NotRead = [.. outcome.NotRead.Take(UnreadLine.MaxListed).Select(u => new NotReadView(u.Place, u.Text, u.Reason))],
        };
    }

    private static string DueText(Plan plan, PlanTask task, IReadOnlyList<int> occurrences) =>
        task.Deadline.IsOngoing ? task.Deadline.NoDateText
        : task.Series is null ? VietnamTime.ShortDate(task.Deadline.Due)
        : $"{occurrences.Count} kỳ: " + string.Join(", ", occurrences.Select(i => VietnamTime.ShortDate(plan.Tasks[i].Deadline.Due)));

    /// <summary>The console's way to give a missing header field: the preview's own fields.</summary>
    private static string HeaderHint(string field) => field switch
    {
        "number" => "điền ô “Số kế hoạch” ở phần đầu bên dưới, rồi bấm “Sửa và xem trước lại”.",
        "issuer" => "điền ô “Cơ quan ban hành” ở phần đầu bên dưới, rồi bấm “Sửa và xem trước lại”.",
        _ => "điền ô “Ngày ban hành” (dd/mm/yyyy) ở phần đầu bên dưới, rồi bấm “Sửa và xem trước lại”.",
    };

    private static string Tasks(IReadOnlyList<string> tasks) =>
        (tasks.Count == 1 ? "nhiệm vụ " : "các nhiệm vụ ") + string.Join(", ", tasks.Take(12)) + (tasks.Count > 12 ? $" và {tasks.Count - 12} nhiệm vụ khác" : "");
}
