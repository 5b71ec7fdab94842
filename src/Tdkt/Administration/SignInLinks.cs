using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Tdkt.Links;
using Tdkt.Storage;

namespace Tdkt.Administration;

/// <summary>
/// One-time sign-in links for the self-hosted console (<c>tdkt admin link EMAIL</c>, or mailed from the sign-in page to a
/// listed user): a random token valid 15 minutes, used once. Only its SHA-256 is stored (partition <c>signin</c> of
/// table Console), so the table does not hold working links; using it is one conditional write, so two clicks make one session.
/// </summary>
public sealed class SignInLinks(StorageTables tables, AdminUsers users, IClock clock)
{
    private const string Partition = "signin";
    public static readonly Duration Lifetime = Duration.FromMinutes(15);

    /// <summary>The sign-in page's path; the link is {BaseUrl}/console/signin/{token}.</summary>
    public const string Path = "console/signin/";

    /// <summary>The link for <paramref name="token"/> under the public address (<c>Tdkt:Links:BaseUrl</c>), or null when it is not configured.</summary>
    public static string? Url(string? baseUrl, string token) => string.IsNullOrEmpty(baseUrl) ? null : $"{baseUrl.TrimEnd('/')}/{Path}{token}";

    /// <summary>A new link's token for a listed user, or null when the address is not a console user.</summary>
    public async Task<string?> CreateAsync(string email, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(email, cancellationToken) is not { } user)
        {
            return null;
        }
        var token = LinkTokens.Base64Url(RandomNumberGenerator.GetBytes(32));
        var table = await tables.GetAsync(StorageTables.Console, cancellationToken);
        await table.AddEntityAsync(new TableEntity(Partition, Hash(token))
        {
            ["Email"] = user.Email,
            ["ExpiresAt"] = (clock.GetCurrentInstant() + Lifetime).ToDateTimeOffset(),
            ["Used"] = false,
        }, cancellationToken);
        return token;
    }

    /// <summary>What using the link would give, without using it (the page that offers the sign-in button).</summary>
    public async Task<(SignInCheck Check, string? Email)> PeekAsync(string token, CancellationToken cancellationToken)
    {
        var (check, email, _) = await ReadAsync(token, cancellationToken);
        return (check, email);
    }

    /// <summary>Uses the link: valid once; the second use, even at the same moment, is <see cref="SignInCheck.Used"/>.</summary>
    public async Task<(SignInCheck Check, string? Email)> UseAsync(string token, CancellationToken cancellationToken)
    {
        var (check, email, row) = await ReadAsync(token, cancellationToken);
        if (check != SignInCheck.Valid)
        {
            return (check, email);
        }
        var table = await tables.GetAsync(StorageTables.Console, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(Partition, row!.RowKey) { ["Used"] = true, ["UsedAt"] = clock.GetCurrentInstant().ToDateTimeOffset() },
                row.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return (SignInCheck.Used, email);
        }
        return (SignInCheck.Valid, email);
    }

    private async Task<(SignInCheck Check, string? Email, TableEntity? Row)> ReadAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length != 43 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return (SignInCheck.Unknown, null, null);
        }
        var table = await tables.GetAsync(StorageTables.Console, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Hash(token), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return (SignInCheck.Unknown, null, null);
        }
        var row = found.Value!;
        var email = row.GetString("Email");
        if (row.GetBoolean("Used") == true)
        {
            return (SignInCheck.Used, email, row);
        }
        if (Instant.FromDateTimeOffset(row.GetDateTimeOffset("ExpiresAt") ?? default) < clock.GetCurrentInstant())
        {
            return (SignInCheck.Expired, email, row);
        }
        return email is not null && await users.FindAsync(email, cancellationToken) is not null ? (SignInCheck.Valid, email, row) : (SignInCheck.NotListed, email, row);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
