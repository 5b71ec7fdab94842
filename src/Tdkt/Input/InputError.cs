namespace Tdkt.Input;

/// <summary>
/// One problem in an administrator's input, saying where (file, line or row, field) and what, in
/// Vietnamese. Importers collect every problem before answering, and store nothing if there is one.
/// </summary>
public sealed record InputError(string File, int? Line, string Field, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{File}:{line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";

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

/// <summary>Thrown when input is rejected; carries every problem found.</summary>
public sealed class InputRejectedException(IReadOnlyList<InputError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} lỗi trong dữ liệu nhập:\n" + string.Join("\n", errors))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
