using Microsoft.AspNetCore.Http;
using Tdkt.Completion;
using Tdkt.Evidence;

namespace Tdkt.Web.AgencyPage;

/// <summary>
/// The files of a posted form, checked by content (<see cref="FileCheck"/>) before anything is recorded: the uploads,
/// or one message naming the first file refused and why. A file input left empty (a part with no name and no bytes) is
/// not a file.
/// </summary>
public static class UploadedFiles
{
    public static async Task<(IReadOnlyList<EvidenceUpload> Uploads, string? Refusal, int Status)> ReadAsync(IFormFileCollection files, int room,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sent = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (sent.Count > room)
        {
            return ([], $"Chưa ghi nhận gì: mỗi nhiệm vụ nhận tối đa {EvidenceStore.MaxPerAssignment} tệp, nên chỉ còn gửi được {room} tệp cho nhiệm vụ này "
                + $"(đã chọn {sent.Count} tệp).", StatusCodes.Status422UnprocessableEntity);
        }
        var uploads = new List<EvidenceUpload>();
        foreach (var file in sent)
        {
            var shown = CompletionService.Clean(file.FileName, SafeFileName.MaxLength, singleLine: true) ?? "không tên";
            if (file.Length > FileCheck.MaxBytes)
            {
                return ([], Refused(shown, FileRefusal.TooLarge), StatusCodes.Status413PayloadTooLarge);
            }
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, cancellationToken);
            }
            var verdict = FileCheck.Inspect(content);
            if (verdict.Kind is not { } kind)
            {
                return ([], Refused(shown, verdict.Refusal!.Value),
                    verdict.Refusal == FileRefusal.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity);
            }
            uploads.Add(new EvidenceUpload(content, kind, SafeFileName.For(file.FileName, kind)));
        }
        return (uploads, null, StatusCodes.Status200OK);
    }

    /// <summary>"Chưa ghi nhận gì: tệp “x” …": what is wrong with the file, and what to do.</summary>
    public static string Refused(string name, FileRefusal refusal) => "Chưa ghi nhận gì: tệp “" + name + "” " + refusal switch
    {
        FileRefusal.Empty => "không có nội dung (0 byte).",
        FileRefusal.TooLarge => $"lớn hơn {FileCheck.MaxBytes / 1024 / 1024} MB; đề nghị nén ảnh hoặc chia nhỏ tệp.",
        FileRefusal.Program => "là tệp chương trình, không được nhận. Chỉ nhận PDF, Word (.docx), Excel (.xlsx) và ảnh PNG, JPEG.",
        FileRefusal.Macros => "có macro (mã lệnh tự chạy) nên không được nhận; đề nghị lưu lại thành tệp .docx hoặc .xlsx thông thường.",
        FileRefusal.ActiveContent => "có nội dung tự chạy hoặc trỏ ra ngoài khi mở (JavaScript, tệp nhúng, đối tượng OLE/ActiveX, mẫu ở máy khác) nên không được nhận; đề nghị in lại thành PDF thông thường hoặc lưu lại thành .docx, .xlsx thông thường.",
        FileRefusal.Expands => "bị hỏng hoặc có nội dung nén bất thường, không được nhận; đề nghị lưu lại tệp rồi gửi lại, hoặc gửi bản PDF.",
        _ => "không phải PDF, Word (.docx), Excel (.xlsx) hay ảnh PNG, JPEG (kiểm tra theo nội dung tệp, không theo tên), nên không được nhận.",
    };
}
