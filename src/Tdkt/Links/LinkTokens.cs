using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using Tdkt.Clock;

namespace Tdkt.Links;

/// <summary>
/// The signed token in an agency's link: which agency, until when, and the id of the key that signed it,
/// with an HMAC-SHA256 (truncated to 128 bits) over all three. Compact and URL-safe (base64url), so the link
/// stays short in any mail client. Verification is constant-time. The agency page
/// (<c>GET /api/a/{token}</c>) accepts them; <see cref="AgencyLinks"/> puts them in every digest.
/// </summary>
public sealed class LinkTokens
{
    private const byte Version = 1;

    /// <summary>Version 1 with the agency's link generation after the expiry (tokens of generation 0 stay version 1).</summary>
    private const byte VersionWithGeneration = 2;
    private const int MacBytes = 16;
    private static readonly LocalDate Epoch = new(2020, 1, 1);
    private readonly List<(string Id, byte[] Key)> keys;
    private readonly IClock clock;

    public LinkTokens(IOptions<LinkOptions> options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.clock = clock;
        keys = Parse(options.Value.SigningKeys);
    }

    public bool CanSign => keys.Count > 0;

    /// <summary>A token for <paramref name="agency"/> valid through <paramref name="expires"/>, signed with the newest key.</summary>
    public string Create(string agency, LocalDate expires, int generation = 0) => Sign(agency, expires, generation, feed: false);

    /// <summary>
    /// A calendar-feed token: the same fields, signed under a key derived for feeds, so a page link is never a feed
    /// address and a feed address never opens the page (nor its forms).
    /// </summary>
    public string CreateFeed(string agency, LocalDate expires, int generation = 0) => Sign(agency, expires, generation, feed: true);

    public LinkVerification Verify(string token) => Check(token, feed: false);

    public LinkVerification VerifyFeed(string token) => Check(token, feed: true);

    /// <summary>
    /// The signing keys, each derived for <paramref name="purpose"/> (newest first, with their ids), so another feature
    /// (the console's sessions) signs with the same rotation and nothing it signs opens a link, or the reverse.
    /// </summary>
    public IReadOnlyList<(string Id, byte[] Key)> KeysFor(string purpose) =>
        [.. keys.Select(k => (k.Id, HMACSHA256.HashData(k.Key, Encoding.UTF8.GetBytes("tdkt " + purpose))))];

    private static byte[] DownloadKey(byte[] key) => HMACSHA256.HashData(key, "tdkt evidence download"u8);

    private static byte[] KeyFor(byte[] key, bool feed) => feed ? HMACSHA256.HashData(key, "tdkt calendar feed"u8) : key;

    private string Sign(string agency, LocalDate expires, int generation, bool feed)
    {
        ArgumentNullException.ThrowIfNull(agency);
        if (keys.Count == 0)
        {
            throw new InvalidOperationException("Chưa cấu hình khóa ký đường dẫn (Tdkt:Links:SigningKeys).");
        }
        var (id, key) = keys[0];
        var payload = Payload(id, agency, expires, generation);
        return Base64Url(payload) + "." + Base64Url(Mac(KeyFor(key, feed), payload));
    }

    private LinkVerification Check(string token, bool feed)
    {
        var forged = new LinkVerification(LinkCheck.Forged, null, null);
        if (string.IsNullOrEmpty(token) || token.Length > 512 || token.Split('.') is not [var body, var signature]
            || FromBase64Url(body) is not { } payload || FromBase64Url(signature) is not { Length: MacBytes } mac
            || Read(payload) is not { } fields)
        {
            return forged;
        }
        var key = keys.FirstOrDefault(k => k.Id == fields.KeyId).Key;
        if (key is null || !CryptographicOperations.FixedTimeEquals(mac, Mac(KeyFor(key, feed), payload)))
        {
            return forged;
        }
        var today = clock.GetCurrentInstant().InZone(VietnamTime.Zone).Date;
        return new LinkVerification(today <= fields.Expires ? LinkCheck.Valid : LinkCheck.Expired, fields.Agency, fields.Expires) { Generation = fields.Generation };
    }

    /// <summary>How long a page's forms stay valid after the page was served.</summary>
    public static readonly Duration FormLifetime = Duration.FromHours(24);

    /// <summary>
    /// The anti-forgery value put in the page's forms: when the page was served and an HMAC over that time
    /// and the link's token, so a form cannot be posted to another agency's link, or built without loading the page.
    /// </summary>
    public string CreateFormProof(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var (id, key) = keys.Count > 0 ? keys[0] : throw new InvalidOperationException("Chưa cấu hình khóa ký đường dẫn (Tdkt:Links:SigningKeys).");
        var issued = clock.GetCurrentInstant().ToUnixTimeSeconds();
        return $"{issued}.{id}.{Base64Url(Mac(key, FormPayload(token, issued)))}";
    }

    /// <summary>True when <paramref name="proof"/> was made by <see cref="CreateFormProof"/> for this token and is still fresh.</summary>
    public bool CheckFormProof(string token, string? proof)
    {
        if (token is null || proof is null || proof.Length > 128 || proof.Split('.') is not [var issuedText, var id, var macText]
            || !long.TryParse(issuedText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var issued)
            || FromBase64Url(macText) is not { Length: MacBytes } mac)
        {
            return false;
        }
        var key = keys.FirstOrDefault(k => k.Id == id).Key;
        if (key is null || !CryptographicOperations.FixedTimeEquals(mac, Mac(key, FormPayload(token, issued))))
        {
            return false;
        }
        var age = clock.GetCurrentInstant() - Instant.FromUnixTimeSeconds(Math.Min(issued, Instant.MaxValue.ToUnixTimeSeconds()));
        return age >= -Duration.FromMinutes(5) && age <= FormLifetime;
    }

    private static byte[] FormPayload(string token, long issued) =>
        Encoding.UTF8.GetBytes($"form\n{token}\n{issued.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    private static byte[] Payload(string keyId, string agency, LocalDate expires, int generation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(generation, ushort.MaxValue);
        var id = Encoding.UTF8.GetBytes(keyId);
        var name = Encoding.UTF8.GetBytes(agency);
        var bytes = new byte[1 + 1 + id.Length + 1 + name.Length + 4 + (generation > 0 ? 2 : 0)];
        var at = 0;
        bytes[at++] = generation > 0 ? VersionWithGeneration : Version;
        bytes[at++] = (byte)id.Length;
        id.CopyTo(bytes, at);
        at += id.Length;
        bytes[at++] = (byte)name.Length;
        name.CopyTo(bytes, at);
        at += name.Length;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(at), Period.Between(Epoch, expires, PeriodUnits.Days).Days);
        if (generation > 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + 4), (ushort)generation);
        }
        return bytes;
    }

    private static (string KeyId, string Agency, LocalDate Expires, int Generation)? Read(byte[] payload)
    {
        try
        {
            var at = 0;
            var version = payload[at++];
            if (version is not (Version or VersionWithGeneration))
            {
                return null;
            }
            var extra = version == VersionWithGeneration ? 2 : 0;
            var idLength = payload[at++];
            var id = Encoding.UTF8.GetString(payload, at, idLength);
            at += idLength;
            var nameLength = payload[at++];
            var name = Encoding.UTF8.GetString(payload, at, nameLength);
            at += nameLength;
            if (payload.Length != at + 4 + extra)
            {
                return null;
            }
            var generation = extra == 0 ? 0 : BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(at + 4));
            return (id, name, Epoch.PlusDays(BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(at))), generation);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>How long a download address of an attached file stays valid after the page that shows it was served.</summary>
    public static readonly Duration DownloadLifetime = Duration.FromHours(1);

    /// <summary>
    /// A short-lived download address token for one attached file (plan, assignment, file id, expiry in seconds), signed
    /// under a key derived for downloads, so it opens nothing else and nothing else opens it.
    /// </summary>
    public string CreateDownload(string plan, string assignment, string fileId)
    {
        var (id, key) = keys.Count > 0 ? keys[0] : throw new InvalidOperationException("Chưa cấu hình khóa ký đường dẫn (Tdkt:Links:SigningKeys).");
        var expires = (clock.GetCurrentInstant() + DownloadLifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', id, plan, assignment, fileId, expires.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Base64Url(payload) + "." + Base64Url(Mac(DownloadKey(key), payload));
    }

    /// <summary>The file a download token names, when <see cref="LinkCheck.Valid"/>.</summary>
    public (LinkCheck Check, string? Plan, string? Assignment, string? FileId) VerifyDownload(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512 || token.Split('.') is not [var body, var signature]
            || FromBase64Url(body) is not { } payload || FromBase64Url(signature) is not { Length: MacBytes } mac
            || Encoding.UTF8.GetString(payload).Split('\n') is not [var keyId, var plan, var assignment, var fileId, var expiresText]
            || !long.TryParse(expiresText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expires))
        {
            return (LinkCheck.Forged, null, null, null);
        }
        var key = keys.FirstOrDefault(k => k.Id == keyId).Key;
        if (key is null || !CryptographicOperations.FixedTimeEquals(mac, Mac(DownloadKey(key), payload)))
        {
            return (LinkCheck.Forged, null, null, null);
        }
        return clock.GetCurrentInstant().ToUnixTimeSeconds() <= expires ? (LinkCheck.Valid, plan, assignment, fileId) : (LinkCheck.Expired, null, null, null);
    }

    private static byte[] Mac(byte[] key, byte[] payload) => HMACSHA256.HashData(key, payload)[..MacBytes];

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The bytes of a base64url text in its canonical spelling only; null otherwise.</summary>
    public static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            // Only the canonical spelling: other spellings of the same bytes (unused low bits) are refused.
            var bytes = Convert.FromBase64String(padded);
            return Base64Url(bytes) == text ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static List<(string Id, byte[] Key)> Parse(string? setting)
    {
        var list = new List<(string, byte[])>();
        foreach (var entry in (setting ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2);
            byte[]? key = null;
            try
            {
                key = parts.Length == 2 ? Convert.FromBase64String(parts[1]) : null;
            }
            catch (FormatException)
            {
            }
            if (parts.Length != 2 || parts[0].Length is 0 or > 16 || !parts[0].All(char.IsAsciiLetterOrDigit) || key is not { Length: >= 32 })
            {
                throw new InvalidOperationException(
                    $"Tdkt:Links:SigningKeys: mục “{(parts[0].Length > 16 ? parts[0][..16] : parts[0])}…” phải có dạng id=khóa-base64 (id 1-16 chữ hoặc số, khóa ít nhất 32 byte).");
            }
            list.Add((parts[0], key));
        }
        return list;
    }
}
