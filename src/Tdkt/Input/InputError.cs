namespace Tdkt.Input;

/// <summary>
/// One problem in an administrator's input, saying where (file, line or row, field) and what, in
/// Vietnamese. Importers collect every problem before answering, and store nothing if there is one.
/// </summary>
public sealed record InputError(string File, int? Line, string Field, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{File}:{line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}

/// <summary>Thrown when input is rejected; carries every problem found.</summary>
public sealed class InputRejectedException(IReadOnlyList<InputError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} lỗi trong dữ liệu nhập:\n" + string.Join("\n", errors))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
