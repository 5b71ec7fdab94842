using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Clock;
using Tdkt.Input;
using Tdkt.Mail;
using Tdkt.Web.Console.Plans;

namespace Tdkt.Web.Console.Agencies;

/// <summary>
/// Cơ quan, the changes: an agency added or edited (checked against the whole directory, written only if nobody
/// changed it meanwhile: <see cref="AgencyEdits"/>); a directory file (YAML or CSV, as <c>tdkt agencies import</c> takes
/// it) previewed against the stored directory, then saved; a test mail to an agency's own addresses. Each audited.
/// </summary>
public sealed class ConsoleAgencyEditing(AgencyStore store, AgencyEdits edits, AdminUsers users, MailComposer composer, IServiceProvider services, VietnamClock clock)
{
    /// <summary>A directory file's largest size.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>The form for <paramref name="id"/> (none: a new agency); null for an id the directory does not have (a stale or mistyped link).</summary>
    public async Task<AgencyEditView?> FormAsync(string? id, CancellationToken cancellationToken)
    {
        var (directory, versions) = await store.LoadVersionedAsync(cancellationToken);
        var agency = AgencyId.IsValid(id) ? directory.Find(new AgencyId(id!)) : null;
        if (agency is null && !string.IsNullOrEmpty(id))
        {
            return null;
        }
        return View(directory, agency is null ? new AgencyForm("", "", "", "", "", "", false, "", "", "") : AgencyForm.Of(agency),
            agency is null ? "" : FormVersion(versions[agency.Id]), agency is null, []);
    }

    /// <summary>Saves the form; when it cannot, the form again as typed with every error named by its field.</summary>
    public async Task<(bool Saved, string Message, AgencyEditView? Again)> SaveAsync(AgencyForm form, string? version, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        // The form carries the row's version as base64 (an ETag has quotes); one that does not read back is someone's stale or made-up form.
        var etag = string.IsNullOrEmpty(version) ? null : StoredVersion(version) ?? "W/\"?\"";
        var outcome = await edits.SaveAsync(form, etag, cancellationToken);
        if (outcome.Saved)
        {
            await users.AuditAsync(by, string.IsNullOrEmpty(version) ? Actions.Add : Actions.Edit, form.Id.Trim(),
                VietnameseText.Clean(form.Name), cancellationToken);
            return (true, outcome.Message, null);
        }
        var directory = await store.LoadAsync(cancellationToken);
        return (false, outcome.Message, View(directory, form, version ?? "", string.IsNullOrEmpty(version), [.. outcome.Errors.Select(e => $"{Label(e.Field)}: {e.Message}")]));
    }

    /// <summary>Reads a directory file and compares it with the stored directory; nothing is stored.</summary>
    public async Task<DirectoryImportView> PreviewAsync(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var stored = await store.LoadAsync(cancellationToken);
        var (file, errors) = Read(content, fileName, stored);
        if (file is null)
        {
            return new(fileName, errors, [], [], 0, [], "");
        }
        var merged = Merge(stored, file);
        if (merged.Errors.Count > 0)
        {
            return new(fileName, [.. merged.Errors.Select(e => $"{fileName}: {Label(e.Field)}: {e.Message}")], [], [], 0, [], "");
        }
        var added = file.Agencies.Where(a => stored.Find(a.Id) is null).Select(a => $"{a.Name} ({a.Id})").ToList();
        var changed = file.Agencies.Where(a => stored.Find(a.Id) is { } old && old != a).Select(a => Describe(stored.Find(a.Id)!, a)).ToList();
        var kept = stored.Agencies.Where(a => file.Find(a.Id) is null).Select(a => $"{a.Name} ({a.Id})").ToList();
        return new(fileName, [], added, changed, file.Agencies.Count - added.Count - changed.Count, kept, Convert.ToBase64String(content));
    }

    /// <summary>Saves a directory file checked again as it is saved (someone may have changed the directory since the preview).</summary>
    public async Task<(bool Saved, string Message, DirectoryImportView? Again)> ImportAsync(byte[] content, string fileName, string by, CancellationToken cancellationToken)
    {
        var preview = await PreviewAsync(content, fileName, cancellationToken);
        if (!preview.CanSave)
        {
            return (false, preview.Errors.Count > 0 ? $"Danh bạ có {preview.Errors.Count} lỗi: chưa lưu gì." : "Tệp không thay đổi gì trong danh bạ: không ghi gì.", preview);
        }
        var (file, _) = Read(content, fileName, await store.LoadAsync(cancellationToken));
        await store.SaveAsync(file!, cancellationToken);
        await users.AuditAsync(by, Actions.Import, fileName, $"{preview.Added.Count} thêm, {preview.Changed.Count} sửa", cancellationToken);
        return (true, $"Đã lưu danh bạ từ {fileName}: thêm {preview.Added.Count} cơ quan, sửa {preview.Changed.Count} cơ quan.", null);
    }

    /// <summary>Sends a test mail to the agency's addresses through the configured channel, at once; the message says what the server answered.</summary>
    public async Task<(bool Sent, string Message)> TestMailAsync(string id, string by, CancellationToken cancellationToken)
    {
        var directory = await store.LoadAsync(cancellationToken);
        if (!AgencyId.IsValid(id) || directory.Find(new AgencyId(id)) is not { IsGroup: false } agency)
        {
            return (false, $"Không có cơ quan {id} trong danh bạ: chưa gửi gì.");
        }
        if (agency.To.Count == 0)
        {
            return (false, $"{agency.Name} chưa có địa chỉ nhận thư: chưa gửi gì.");
        }
        IMailChannel channel;
        try
        {
            channel = (IMailChannel)services.GetService(typeof(IMailChannel))!;
        }
        catch (InvalidOperationException ex)
        {
            return (false, $"Chưa gửi được thư thử: {ex.Message}");
        }
        var recipients = string.Join(", ", agency.To.Concat(agency.Cc));
        try
        {
            var result = await channel.SendAsync(composer.AgencyTest(agency, clock.Today), cancellationToken);
            await users.AuditAsync(by, Actions.TestMail, agency.Id.Value, recipients, cancellationToken);
            return (true, $"Đã gửi thư thử cho {agency.Name} tới {recipients} qua {channel.Name}. Máy chủ thư trả lời: {result.Answer}.");
        }
        catch (Exception ex) when (ex is MailTransientException or MailPermanentException)
        {
            return (false, $"Chưa gửi được thư thử cho {agency.Name} tới {recipients} qua {channel.Name}: {ex.Message}");
        }
    }

    private static string FormVersion(Azure.ETag version) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(version.ToString()));

    private static string? StoredVersion(string form)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(form));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The console's audit actions on the directory (an import's fixes in place use the first two).</summary>
    public static class Actions
    {
        public const string Alias = "agency-alias";
        public const string Add = "agency-add";
        public const string Edit = "agency-edit";
        public const string Import = "agency-import";
        public const string TestMail = "agency-test-mail";
        public const string Revoke = "agency-link-revoke";
    }

    public static string Label(string field) => field switch
    {
        "id" => "Mã",
        "name" => "Tên",
        "aliases" => "Tên khác",
        "to" => "Gửi tới",
        "cc" => "Đồng gửi",
        "supervisor" => "Cơ quan theo dõi",
        "members" => "Thành viên",
        "replacedBy" => "Cơ quan kế thừa",
        "replacedFrom" or "from" => "Kế thừa từ ngày",
        "version" => "Phiên bản",
        "agencies" => "Danh bạ",
        _ => field,
    };

    private static AgencyEditView View(AgencyDirectory directory, AgencyForm form, string version, bool isNew, IReadOnlyList<string> errors)
    {
        var others = directory.Agencies.Where(a => a.Id.Value != form.Id).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        return new AgencyEditView(isNew, form, version,
            [new FilterOption("", "— không có —", form.Supervisor.Length == 0), .. others.Select(a => new FilterOption(a.Id.Value, a.Name, a.Id.Value == form.Supervisor.Trim()))],
            [new FilterOption("", "— không có —", form.ReplacedBy.Length == 0), .. others.Where(a => !a.IsGroup)
                .Select(a => new FilterOption(a.Id.Value, a.Name, a.Id.Value == form.ReplacedBy.Trim()))],
            errors);
    }

    private static (AgencyDirectory? Directory, IReadOnlyList<string> Errors) Read(byte[] content, string fileName, AgencyDirectory stored)
    {
        if (content.Length > MaxFileBytes)
        {
            return (null, [$"{fileName}: tệp lớn hơn {MaxFileBytes / 1024 / 1024} MB cho phép."]);
        }
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            return (null, [$"{fileName}: tệp không phải văn bản UTF-8 (danh bạ là tệp YAML hoặc CSV)."]);
        }
        var result = AgencyDirectoryFile.Read(text, fileName, stored);
        return (result.Directory, [.. result.Errors.Take(InputError.MaxListed).Select(e => $"{e.File}:{e.Line}: {Label(e.Field)}: {e.Message}")]);
    }

    /// <summary>The directory saving the file would leave (the file's agencies over the stored ones), checked as a whole.</summary>
    private static AgencyDirectoryResult Merge(AgencyDirectory stored, AgencyDirectory file) =>
        AgencyDirectoryFile.Check(stored.Agencies.Where(a => file.Find(a.Id) is null).Concat(file.Agencies), AgencyEdits.Source);

    private static string Describe(Agency old, Agency now)
    {
        var fields = new List<string>();
        void Compare(string field, string before, string after)
        {
            if (before != after)
            {
                fields.Add($"{Label(field).ToLowerInvariant()}: {(before.Length == 0 ? "(trống)" : before)} → {(after.Length == 0 ? "(trống)" : after)}");
            }
        }
        Compare("name", old.Name, now.Name);
        Compare("aliases", string.Join("; ", old.Aliases), string.Join("; ", now.Aliases));
        Compare("to", string.Join(", ", old.To), string.Join(", ", now.To));
        Compare("cc", string.Join(", ", old.Cc), string.Join(", ", now.Cc));
        Compare("supervisor", old.Supervisor?.Value ?? "", now.Supervisor?.Value ?? "");
        Compare("members", string.Join(", ", old.Members), string.Join(", ", now.Members));
        Compare("replacedBy", old.ReplacedBy?.Value ?? "", now.ReplacedBy?.Value ?? "");
        Compare("from", old.ReplacedFrom is { } f ? VietnamTime.ShortDate(f) : "", now.ReplacedFrom is { } t ? VietnamTime.ShortDate(t) : "");
        return $"{now.Name} ({now.Id}): {string.Join("; ", fields)}";
    }
}
