using System.Text;

namespace Tdkt.Administration;

/// <summary>An administrator's email as the console keys it: trimmed, NFC, lower case; null when it is not an address.</summary>
public static class AdminEmail
{
    public static string? Normalize(string? text)
    {
        var email = text?.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        if (string.IsNullOrEmpty(email) || email.Length > 254 || email.Split('@') is not [{ Length: > 0 } local, { Length: > 2 } domain]
            || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.')
            || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or '#' or '?' or '<' or '>' or '"' or ',' or ';')
            || local.StartsWith('.') || local.EndsWith('.'))
        {
            return null;
        }
        return email;
    }
}
