using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Tdkt.Clock;
using Tdkt.Links;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Links;

[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class LinkTokensTests
{
    private static readonly string Old = "k2025=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string New = "k2026=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly LocalDate Expiry = new(2024, 2, 29);

    private static LinkTokens Tokens(string keys, LocalDate today) =>
        new(Options.Create(new LinkOptions { SigningKeys = keys }),
            new FakeClock(today.At(new LocalTime(9, 0)).InZoneStrictly(VietnamTime.Zone).ToInstant()));

    [Fact]
    public void A_token_names_its_agency_and_expiry_and_stays_short_enough_for_any_mail_client()
    {
        var tokens = Tokens(New, new LocalDate(2023, 3, 24));

        var token = tokens.Create("so-van-hoa-the-thao-va-du-lich", Expiry);

        Assert.Equal(new LinkVerification(LinkCheck.Valid, "so-van-hoa-the-thao-va-du-lich", Expiry), tokens.Verify(token));
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", token);
        Assert.True(token.Length < 100, $"{token.Length} characters");
    }

    [Fact]
    public void Any_change_to_the_token_makes_it_forged_and_reveals_nothing()
    {
        var tokens = Tokens(New, new LocalDate(2023, 3, 24));
        var token = tokens.Create("so-noi-vu", Expiry);
        var forged = new LinkVerification(LinkCheck.Forged, null, null);

        // Another agency's name under the same signature, a flipped character anywhere, garbage.
        var other = tokens.Create("so-tai-chinh", Expiry);
        Assert.Equal(forged, tokens.Verify(other.Split('.')[0] + "." + token.Split('.')[1]));
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '.')
            {
                continue;
            }
            var flipped = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Equal(forged, tokens.Verify(flipped));
        }
        Assert.Equal(forged, tokens.Verify("không-phải-token"));
        Assert.Equal(forged, tokens.Verify(""));
        Assert.Equal(forged, Tokens("k2026=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), new LocalDate(2023, 3, 24)).Verify(token));
    }

    [Fact]
    public void A_genuine_token_past_its_expiry_is_expired_not_forged()
    {
        var token = Tokens(New, new LocalDate(2023, 3, 24)).Create("so-noi-vu", Expiry);

        Assert.Equal(LinkCheck.Valid, Tokens(New, Expiry).Verify(token).Check);
        Assert.Equal(new LinkVerification(LinkCheck.Expired, "so-noi-vu", Expiry), Tokens(New, Expiry.PlusDays(1)).Verify(token));
    }

    [Fact]
    public void After_rotation_old_links_still_verify_and_new_links_use_the_newest_key()
    {
        var before = Tokens(Old, new LocalDate(2023, 3, 24)).Create("so-noi-vu", Expiry);
        var rotated = Tokens($"{New};{Old}", new LocalDate(2023, 3, 24));

        Assert.Equal(LinkCheck.Valid, rotated.Verify(before).Check);
        var after = rotated.Create("so-noi-vu", Expiry);
        Assert.Equal(LinkCheck.Valid, Tokens(New, new LocalDate(2023, 3, 24)).Verify(after).Check);
        Assert.Equal(LinkCheck.Forged, Tokens(New, new LocalDate(2023, 3, 24)).Verify(before).Check);
    }

    [Theory]
    [InlineData("k1=c2hvcnQ=", "k1")]
    [InlineData("không-có-dấu-bằng", "không-có-dấu-bằng")]
    [InlineData("k1=@@@", "k1")]
    public void A_bad_key_setting_is_rejected_naming_the_setting_and_the_entry(string setting, string entry)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Tokens(setting, new LocalDate(2023, 3, 24)));

        Assert.StartsWith("Tdkt:Links:SigningKeys: mục “" + (entry.Length > 16 ? entry[..16] : entry), error.Message, StringComparison.Ordinal);
    }
}
