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

    /// <summary>A storage connection string; defaults to local Azurite so a fresh clone just works.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = AzuriteDevelopmentConnection;

    /// <summary>Starts every table and queue name, so several deployments (or test runs) can share one account.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z][a-z0-9]{0,19}$", ErrorMessage = "Tdkt:Storage:Prefix must be 1-20 lower-case letters or digits, starting with a letter.")]
    public string Prefix { get; set; } = "tdkt";
}
