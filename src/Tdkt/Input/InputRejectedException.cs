namespace Tdkt.Input;

/// <summary>Thrown when input is rejected; carries every problem found.</summary>
public sealed class InputRejectedException(IReadOnlyList<InputError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} lỗi trong dữ liệu nhập:\n" + string.Join("\n", errors))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
