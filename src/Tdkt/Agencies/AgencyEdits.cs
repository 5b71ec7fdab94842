using Azure;
using Tdkt.Clock;
using Tdkt.Input;

namespace Tdkt.Agencies;

/// <summary>
/// Changes to the stored directory one agency at a time: an agency added or edited, or a name recorded as another of an
/// agency's names (the alias an import's unknown name turned out to mean). The directory it would leave is checked by the
/// same rules as a directory file (<see cref="AgencyDirectoryFile.Check"/>), and a row is written only if nobody changed it
/// since it was read: nothing half-written, nobody's edit overwritten.
/// </summary>
public sealed class AgencyEdits(AgencyStore store)
{
    public const string Source = "danh bạ";

    private const int Attempts = 3;

    /// <summary>
    /// Adds or replaces one agency. <paramref name="version"/> is the row's version the form was made from (null or empty:
    /// a new agency, refused if the id is taken).
    /// </summary>
    public async Task<AgencyEditOutcome> SaveAsync(AgencyForm form, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var id = form.Id.Trim();
        if (!AgencyId.IsValid(id))
        {
            return AgencyEditOutcome.Refused("id", $"mã cơ quan “{id}” phải gồm chữ thường không dấu, số và dấu “-” (ví dụ “so-van-hoa”).");
        }
        var directory = await store.LoadAsync(cancellationToken);
        var agencyId = new AgencyId(id);
        var isNew = string.IsNullOrEmpty(version);
        if (isNew && directory.Find(agencyId) is { } taken)
        {
            return AgencyEditOutcome.Refused("id", $"mã “{id}” đã dùng cho {taken.Name}; chọn mã khác, hoặc sửa cơ quan đó.");
        }
        if (!isNew && directory.Find(agencyId) is null)
        {
            return AgencyEditOutcome.Refused("id", $"không còn cơ quan {id} trong danh bạ.");
        }
        var (agency, formErrors) = Parse(form, agencyId);
        if (formErrors.Count > 0)
        {
            return new(false, $"Chưa lưu: {formErrors.Count} lỗi.", formErrors);
        }
        var previous = directory.Find(agencyId);
        var checkedErrors = Check(directory, agency!);
        if (checkedErrors.Count > 0)
        {
            return new(false, $"Chưa lưu: {checkedErrors.Count} lỗi.", checkedErrors);
        }
        if (!await store.WriteAsync(agency!, isNew ? null : new ETag(version!), cancellationToken))
        {
            return Conflict(agency!);
        }
        return new(true, previous is null ? $"Đã thêm {agency!.Name} ({id}) vào danh bạ." : $"Đã lưu thay đổi của {agency!.Name} ({id}).", []);
    }

    /// <summary>Records <paramref name="name"/> as another name of <paramref name="agency"/>, so plans that write it resolve to that agency.</summary>
    public async Task<AgencyEditOutcome> AddAliasAsync(AgencyId agency, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var alias = VietnameseText.Clean(name);
        if (alias.Length is 0 or > 200)
        {
            return AgencyEditOutcome.Refused("aliases", alias.Length == 0 ? "tên khác để trống." : "tên khác dài quá 200 ký tự.");
        }
        // Someone else's edit between the read and the write: read again and add the name to what they saved.
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (directory, versions) = await store.LoadVersionedAsync(cancellationToken);
            if (directory.Find(agency) is not { } found)
            {
                return AgencyEditOutcome.Refused("agency", $"không có cơ quan {agency} trong danh bạ.");
            }
            if (directory.FindByName(alias) is { } holder)
            {
                return holder.Id == agency
                    ? new(true, $"“{alias}” đã là một tên của {found.Name}.", [])
                    : AgencyEditOutcome.Refused("aliases", $"tên “{alias}” đã dùng cho {holder.Name} ({holder.Id}).");
            }
            var changed = found with { Aliases = found.Aliases.Append(alias).ToValueList() };
            var errors = Check(directory, changed);
            if (errors.Count > 0)
            {
                return new(false, $"Chưa lưu: {errors[0].Message}", errors);
            }
            if (await store.WriteAsync(changed, versions[agency], cancellationToken))
            {
                return new(true, $"Đã ghi “{alias}” là một tên của {found.Name}: từ nay kế hoạch ghi tên này được giao cho {found.Name}.", []);
            }
        }
        return AgencyEditOutcome.Refused("agency", "danh bạ đang được sửa cùng lúc; thử lại sau ít phút.");
    }

    /// <summary>The directory with <paramref name="agency"/> in place, checked; the edited agency goes last so that a clash is reported against it.</summary>
    private static List<InputError> Check(AgencyDirectory directory, Agency agency) =>
        AgencyDirectoryFile.Check(directory.Agencies.Where(a => a.Id != agency.Id).Append(agency), Source).Errors
            .Select(e => e with { Line = null }).ToList();

    private static AgencyEditOutcome Conflict(Agency agency) =>
        AgencyEditOutcome.Refused("version", $"{agency.Name} vừa được người khác sửa trong lúc anh/chị sửa: mở lại để xem bản mới rồi sửa tiếp.");

    private static (Agency? Agency, List<InputError> Errors) Parse(AgencyForm form, AgencyId id)
    {
        var errors = new List<InputError>();
        void Error(string field, string message) => errors.Add(new InputError(Source, null, field, message));
        AgencyId? Reference(string field, string text, string what)
        {
            var value = text.Trim();
            if (value.Length == 0)
            {
                return null;
            }
            if (!AgencyId.IsValid(value))
            {
                Error(field, $"{what} “{value}” không phải mã cơ quan.");
                return null;
            }
            return new AgencyId(value);
        }

        var members = Split(form.Members, ',', ';', '\n', ' ').Select(m => Reference("members", m, "Thành viên")).OfType<AgencyId>().Distinct().ToValueList();
        var from = VietnamTime.ParseDate(form.ReplacedFrom);
        if (from is null && !string.IsNullOrWhiteSpace(form.ReplacedFrom))
        {
            Error("replacedFrom", $"Ngày “{form.ReplacedFrom.Trim()}” không hợp lệ (dùng dd/mm/yyyy).");
        }
        var agency = new Agency(id, VietnameseText.Clean(form.Name), Split(form.Aliases, ';', '\n').Select(VietnameseText.Clean).Where(a => a.Length > 0).Distinct().ToValueList(),
            Split(form.To, ',', ';', '\n', ' ').ToValueList(), Split(form.Cc, ',', ';', '\n', ' ').ToValueList(),
            Reference("supervisor", form.Supervisor, "Cơ quan theo dõi"), members, form.IsGroup)
        {
            ReplacedBy = Reference("replacedBy", form.ReplacedBy, "Cơ quan kế thừa"),
            ReplacedFrom = from,
        };
        if (agency.ReplacedBy is null && from is not null)
        {
            Error("replacedFrom", "Ngày kế thừa chỉ ghi khi có cơ quan kế thừa.");
        }
        return (errors.Count == 0 ? agency : null, errors);
    }

    private static string[] Split(string text, params char[] separators) =>
        (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
