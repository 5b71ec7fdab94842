using NodaTime;
using Tdkt.Caching;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Caching;

/// <summary>The two ways the product keeps what it read: under the version it was read at, or for a fixed time.</summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class CacheTests
{
    [Fact]
    public void A_kept_value_is_given_only_for_the_version_it_was_read_at_and_the_cache_starts_again_when_full()
    {
        var cache = new VersionedCache<string, string>(capacity: 2);
        cache.Set("252", "v1", "kế hoạch 252");

        Assert.True(cache.TryGet("252", "v1", out var kept));
        Assert.Equal("kế hoạch 252", kept);
        Assert.False(cache.TryGet("252", "v2", out _));
        Assert.False(cache.TryGet("230", "v1", out _));

        cache.Set("230", "v1", "kế hoạch 230");
        cache.Set("101", "v1", "kế hoạch 101");
        Assert.False(cache.TryGet("252", "v1", out _));
        Assert.True(cache.TryGet("101", "v1", out _));
    }

    [Fact]
    public void A_timed_value_is_given_until_its_lifetime_has_passed()
    {
        var cache = new TimedCache<string, int>(Duration.FromSeconds(30));
        var read = Instant.FromUtc(2023, 3, 24, 1, 0);
        cache.Set("so-noi-vu", 3, read);

        Assert.True(cache.TryGet("so-noi-vu", read + Duration.FromSeconds(29), out var generation));
        Assert.Equal(3, generation);
        Assert.False(cache.TryGet("so-noi-vu", read + Duration.FromSeconds(30), out _));
        Assert.False(cache.TryGet("so-tai-chinh", read, out _));
    }
}
