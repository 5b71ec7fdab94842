namespace Tdkt.Input;

/// <summary>
/// One problem in an administrator's input, saying where (file, line or row, field) and what, in
/// Vietnamese. Importers collect every problem before answering, and store nothing if there is one.
/// </summary>
public sealed record InputError(string File, int? Line, string Field, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{File}:{line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";

    /// <summary>Where a person finds it when a line number is not how they look (a .docx, PDF or workbook): "trang 2, dòng 14".</summary>
    public string? Where { get; init; }

    /// <summary>The error as a person reads it: the file, where in it (page and row, or line), the field's Vietnamese name, and what.</summary>
    public string Describe()
    {
        var place = Where is { } where ? $"{File} ({where})" : Line is { } line ? $"{File}:{line}" : File;
        return $"{place}: {FieldName(Field)}: {Message}";
    }

    /// <summary>A field as the people who write plans call it ("cơ quan", "thời hạn"); a path ("tasks[3].deadline") by its last part; others as given.</summary>
    public static string FieldName(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var last = field[(field.LastIndexOf('.') + 1)..];
        return last switch
        {
            "number" => "số",
            "content" => "nội dung",
            "agencies" or "lead" or "support" => "cơ quan thực hiện",
            "deadline" => "thời hạn",
            "due" => "hạn",
            "quarter" => "quý",
            "key" => "mã nhiệm vụ",
            "title" => "tên kế hoạch",
            "issuer" => "cơ quan ban hành",
            "issuedOn" => "ngày ban hành",
            "year" => "năm kế hoạch",
            "status" => "trạng thái",
            "id" => "mã kế hoạch",
            "tasks" => "nhiệm vụ",
            "file" => "tệp",
            "paragraph" => "đoạn văn",
            "cell" => "ô bảng",
            _ => field,
        };
    }

    /// <summary>How many errors an answer lists: a broken file of 150,000 rows gets the first ones and a count, not a 100 MB answer.</summary>
    public const int MaxListed = 100;

    /// <summary>The first <see cref="MaxListed"/> errors, then one saying how many more there are.</summary>
    public static IReadOnlyList<InputError> Capped(IReadOnlyList<InputError> errors, string file)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count <= MaxListed
            ? errors
            : [.. errors.Take(MaxListed), new InputError(file, null, "errors",
                $"… và {(errors.Count - MaxListed).ToString("N0", VietnameseText.Culture)} lỗi khác (chỉ liệt kê {MaxListed} lỗi đầu; sửa các lỗi trên rồi kiểm tra lại).")];
    }
}
