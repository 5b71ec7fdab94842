using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using NodaTime;
using Tdkt.Administration;
using Tdkt.Links;
using Tdkt.Storage;

namespace Tdkt.Web.Console;

/// <summary>
/// The self-hosted console's sessions: a signed cookie (session id and expiry, HMAC under a key derived from the link
/// signing keys for sessions) that ends after 8 hours or at sign-out. Each request also reads the session row (so a
/// signed-out cookie is dead even if copied) and the user's row (so a removed user or a changed role takes effect at once).
/// </summary>
public sealed class ConsoleSessions(StorageTables tables, AdminUsers users, LinkTokens tokens, IClock clock)
{
    private const string Partition = "session";
    private const int MacBytes = 16;
    public const string CookieName = "tdkt_console";
    public static readonly Duration Lifetime = Duration.FromHours(8);

    /// <summary>Starts a session for <paramref name="email"/>: the cookie's value and when it ends.</summary>
    public async Task<(string Cookie, Instant Expires)> StartAsync(string email, CancellationToken cancellationToken)
    {
        var (keyId, key) = Keys("console session") is [var newest, ..] ? newest : throw new InvalidOperationException("Chưa cấu hình khóa ký đường dẫn (Tdkt:Links:SigningKeys).");
        var id = LinkTokens.Base64Url(RandomNumberGenerator.GetBytes(18));
        var expires = clock.GetCurrentInstant() + Lifetime;
        var table = await tables.GetAsync(StorageTables.Console, cancellationToken);
        // The session belongs to this listing of the user: removed and added again, the address starts anew.
        var generation = (await users.FindAsync(email, cancellationToken))?.Generation ?? "";
        await table.AddEntityAsync(new TableEntity(Partition, id) { ["Email"] = email, ["ExpiresAt"] = expires.ToDateTimeOffset(), ["Generation"] = generation },
            cancellationToken);
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', keyId, id, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return (LinkTokens.Base64Url(payload) + "." + LinkTokens.Base64Url(HMACSHA256.HashData(key, payload)[..MacBytes]), expires);
    }

    /// <summary>The user of a session cookie, or null (forged, expired, signed out, or the user was removed, even if added again since).</summary>
    public async Task<ConsoleUser?> ReadAsync(string? cookie, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > 256 || cookie.Split('.') is not [var body, var signature]
            || LinkTokens.FromBase64Url(body) is not { } payload || LinkTokens.FromBase64Url(signature) is not { Length: MacBytes } mac
            || Encoding.UTF8.GetString(payload).Split('\n') is not [var keyId, var id, var expiresText]
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }
        var key = Keys("console session").FirstOrDefault(k => k.Id == keyId).Key;
        if (key is null || !CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload).AsSpan(0, MacBytes))
            || clock.GetCurrentInstant().ToUnixTimeSeconds() > expires)
        {
            return null;
        }
        var table = await tables.GetAsync(StorageTables.Console, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.GetString("Email") is not { } email || await users.FindAsync(email, cancellationToken) is not { } user
            || (row.Value.GetString("Generation") ?? "") != user.Generation)
        {
            return null;
        }
        return new ConsoleUser(user.Email, user.Role, id);
    }

    /// <summary>The user the platform signed in (App Service Authentication), when the console lists them; null otherwise.</summary>
    public async Task<ConsoleUser?> PlatformUserAsync(string? principalName, CancellationToken cancellationToken) =>
        principalName is not null && await users.FindAsync(principalName, cancellationToken) is { } user
            ? new ConsoleUser(user.Email, user.Role, "platform:" + user.Email)
            : null;

    /// <summary>Ends the session: its cookie opens nothing from now on.</summary>
    public async Task EndAsync(ConsoleUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var table = await tables.GetAsync(StorageTables.Console, cancellationToken);
        await table.DeleteEntityAsync(Partition, user.SessionId, cancellationToken: cancellationToken);
    }

    /// <summary>The anti-forgery value every console form carries: an HMAC of the session, so it is useless in any other session.</summary>
    public string FormToken(ConsoleUser user) => Seal("console form", Session(user));

    public bool CheckFormToken(ConsoleUser user, string? value) => Check("console form", Session(user), value);

    /// <summary>
    /// The seal of a message a change sends back to the page (post/redirect/get): an HMAC of the session, the kind and
    /// the text, so a page shows only what the server said to this session, never a text put in a crafted link.
    /// </summary>
    public string SealNotice(ConsoleUser user, string kind, string text) => Seal("console notice", $"{Session(user)}\n{kind}\n{text}");

    public bool CheckNotice(ConsoleUser user, string kind, string text, string? seal) => Check("console notice", $"{Session(user)}\n{kind}\n{text}", seal);

    private static string Session(ConsoleUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.SessionId;
    }

    /// <summary>"keyId.mac": an HMAC of <paramref name="payload"/> under the newest key derived for <paramref name="purpose"/>.</summary>
    private string Seal(string purpose, string payload)
    {
        var (keyId, key) = Keys(purpose) is [var newest, ..] ? newest : throw new InvalidOperationException("Chưa cấu hình khóa ký đường dẫn (Tdkt:Links:SigningKeys).");
        return keyId + "." + LinkTokens.Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload))[..MacBytes]);
    }

    /// <summary>Whether <paramref name="seal"/> is <see cref="Seal"/>'s for this payload under any listed key (constant time).</summary>
    private bool Check(string purpose, string payload, string? seal)
    {
        if (seal is null || seal.Length > 64 || seal.Split('.') is not [var keyId, var macText] || LinkTokens.FromBase64Url(macText) is not { Length: MacBytes } mac)
        {
            return false;
        }
        var key = Keys(purpose).FirstOrDefault(k => k.Id == keyId).Key;
        return key is not null && CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)).AsSpan(0, MacBytes));
    }

    private IReadOnlyList<(string Id, byte[] Key)> Keys(string purpose) => tokens.KeysFor(purpose);
}
