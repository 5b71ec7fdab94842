using System.ComponentModel.DataAnnotations;

namespace Tdkt.Storage;

/// <summary>Where the product keeps its data (<c>Tdkt:Storage</c>, env <c>Tdkt__Storage__…</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Tdkt:Storage";

    /// <summary>Azurite's well-known development account on its default ports.</summary>
    public const string AzuriteDevelopmentConnection =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;" +
        "QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    /// <summary>
    /// A storage connection string; defaults to local Azurite so a fresh clone just works. Not used when
    /// <see cref="TableEndpoint"/> is set (an account with shared keys disabled, reached by identity).
    /// </summary>
    public string? ConnectionString { get; set; } = AzuriteDevelopmentConnection;

    /// <summary>Starts every table and queue name, so several deployments (or test runs) can share one account.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z][a-z0-9]{0,19}$", ErrorMessage = "Tdkt:Storage:Prefix must be 1-20 lower-case letters or digits, starting with a letter.")]
    public string Prefix { get; set; } = "tdkt";

    /// <summary>
    /// The account's table endpoint (https://ACCOUNT.table.core.windows.net) to reach it with an Entra ID identity
    /// (managed identity in Azure, your sign-in with DefaultAzureCredential elsewhere) instead of a connection string.
    /// </summary>
    [RegularExpression(@"^(https?://\S+)?$", ErrorMessage = "Tdkt:Storage:TableEndpoint must be an https address such as https://account.table.core.windows.net.")]
    public string? TableEndpoint { get; set; }

    /// <summary>The queue endpoint (https://ACCOUNT.queue.core.windows.net), with <see cref="TableEndpoint"/>.</summary>
    [RegularExpression(@"^(https?://\S+)?$", ErrorMessage = "Tdkt:Storage:QueueEndpoint must be an https address such as https://account.queue.core.windows.net.")]
    public string? QueueEndpoint { get; set; }

    /// <summary>The blob endpoint (https://ACCOUNT.blob.core.windows.net), with <see cref="TableEndpoint"/>: where agencies' attached files are kept.</summary>
    [RegularExpression(@"^(https?://\S+)?$", ErrorMessage = "Tdkt:Storage:BlobEndpoint must be an https address such as https://account.blob.core.windows.net.")]
    public string? BlobEndpoint { get; set; }

    /// <summary>Client id of the user-assigned managed identity to use; empty: DefaultAzureCredential's own choice.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public bool UsesIdentity => !string.IsNullOrEmpty(TableEndpoint);
}
