using Tdkt.Agencies;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Agencies;

/// <summary>
/// Editing the stored directory one agency at a time, against Azurite: two edits made from the same version, the second
/// refused and the first kept; a name another agency goes by, a taken id or a missing supervisor refused with why,
/// nothing written.
/// </summary>
public sealed class AgencyEditsTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_edit_made_from_an_old_version_is_refused_and_the_newer_one_is_kept()
    {
        await using var web = await WebScenario.StartAsync(services);
        var store = web.Get<AgencyStore>();
        var edits = web.Get<AgencyEdits>();
        var (directory, versions) = await store.LoadVersionedAsync(Ct);
        var form = AgencyForm.Of(directory.Find(new AgencyId("so-tai-chinh"))!);
        var version = versions[new AgencyId("so-tai-chinh")].ToString();

        var first = await edits.SaveAsync(form with { To = "vanthu.stc@example.org" }, version, Ct);
        var second = await edits.SaveAsync(form with { Cc = "giamdoc.stc@example.org" }, version, Ct);

        Assert.True(first.Saved, first.Message);
        Assert.False(second.Saved);
        Assert.Contains("vừa được người khác sửa", second.Message, StringComparison.Ordinal);
        var stored = (await store.LoadAsync(Ct)).Find(new AgencyId("so-tai-chinh"))!;
        Assert.Equal(["vanthu.stc@example.org"], stored.To);
        Assert.Empty(stored.Cc);
    }

    [Fact]
    public async Task A_clashing_name_a_taken_id_or_an_unknown_supervisor_is_refused_with_why_and_nothing_is_written()
    {
        await using var web = await WebScenario.StartAsync(services);
        var store = web.Get<AgencyStore>();
        var edits = web.Get<AgencyEdits>();
        var before = AgencyDirectoryFile.WriteYaml(await store.LoadAsync(Ct));

        var alias = await edits.AddAliasAsync(new AgencyId("so-tai-chinh"), "Sở Nội vụ", Ct);
        var taken = await edits.SaveAsync(new AgencyForm("so-noi-vu", "Sở Nội vụ mới", "", "a@example.org", "", "", false, "", "", ""), null, Ct);
        var clash = await edits.SaveAsync(new AgencyForm("so-moi", "Sở Mới", "SNV\nSở Nội vụ", "a@example.org", "", "khong-co", false, "", "", ""), null, Ct);

        Assert.False(alias.Saved);
        Assert.Contains("tên “Sở Nội vụ” đã dùng cho Sở Nội vụ (so-noi-vu)", alias.Message, StringComparison.Ordinal);
        Assert.False(taken.Saved);
        Assert.Contains("mã “so-noi-vu” đã dùng cho Sở Nội vụ", taken.Message, StringComparison.Ordinal);
        Assert.False(clash.Saved);
        Assert.Contains(clash.Errors, e => e.Field == "aliases" && e.Message.Contains("đã dùng cho “Sở Nội vụ” (so-noi-vu)", StringComparison.Ordinal));
        Assert.Contains(clash.Errors, e => e.Field == "supervisor" && e.Message.Contains("“khong-co”", StringComparison.Ordinal));
        Assert.Equal(before, AgencyDirectoryFile.WriteYaml(await store.LoadAsync(Ct)));
    }
}
