
namespace Tdkt.Mail;

/// <summary>What one dispatch pass did; <see cref="LastError"/> is why the last digest that did not go could not be sent.</summary>
public sealed record DispatchPass(int Sent, int Retrying, int Failed, int Skipped, string? LastError = null)
{
    /// <summary>The line every host prints after a pass.</summary>
    public string Summary => $"Đã gửi {Sent} thư; {Retrying} thư sẽ gửi lại sau; {Failed} thư không gửi được.";
}
