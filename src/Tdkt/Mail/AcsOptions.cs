using System.ComponentModel.DataAnnotations;

namespace Tdkt.Mail;

/// <summary>Azure Communication Services Email (<c>Tdkt:Mail:Acs</c>).</summary>
public sealed class AcsOptions
{
    public const string Section = "Tdkt:Mail:Acs";

    /// <summary>"endpoint=https://….communication.azure.com/;accesskey=…": HMAC authentication with the access key.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The resource endpoint, used with a managed identity (Entra ID) when there is no connection string.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The client id of the user-assigned managed identity to use; empty uses the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How long one request may take before it is abandoned and retried (with the same Operation-Id).</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}
