using System.Text.RegularExpressions;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Architecture;

/// <summary>
/// The library's feature folders form the layers drawn in docs/architecture.md (the block after the
/// <c>folder-layers</c> marker): a folder uses only folders of lower layers, never one of its own layer or above. A
/// folder uses another when one of its files has a <c>using Tdkt.Other</c>, a qualified <c>Tdkt.Other.</c> name, or a
/// relative <c>Other.Type</c> name (doc comments' crefs included: they are compiled). Tdkt.Web's folders form the
/// layers of the <c>web-folder-layers</c> block the same way, read from <c>Tdkt.Web.Other</c> names only (its folders
/// share names with the library's, so a relative name would be ambiguous); a console page's folder counts as Console.
/// </summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed partial class FolderGraphTests
{
    private static readonly string Library = Path.Combine(RepositoryRoot.Path, "src", "Tdkt");

    [Fact]
    public void Every_folder_uses_only_folders_of_lower_layers_as_drawn()
    {
        var layers = DrawnLayers("folder-layers");
        var layerOf = layers.SelectMany((folders, i) => folders.Select(f => (f, i))).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        var folders = Folders();

        Assert.Equal(folders.Order(StringComparer.Ordinal), layerOf.Keys.Order(StringComparer.Ordinal));
        var against = Uses(folders)
            .Where(use => layerOf[use.To] >= layerOf[use.From])
            .Select(use => $"{use.From} (tầng {layerOf[use.From]}) dùng {use.To} (tầng {layerOf[use.To]}) trong {use.File}: {use.Reference}")
            .ToList();
        Assert.True(against.Count == 0, "Phụ thuộc ngược tầng:\n" + string.Join("\n", against));
    }

    [Fact]
    public void Every_web_folder_uses_only_web_folders_of_lower_layers_as_drawn()
    {
        var web = Path.Combine(RepositoryRoot.Path, "src", "Tdkt.Web");
        var layers = DrawnLayers("web-folder-layers");
        var layerOf = layers.SelectMany((folders, i) => folders.Select(f => (f, i))).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        var folders = Directory.EnumerateDirectories(web).Select(Path.GetFileName).OfType<string>().Where(d => d is not ("bin" or "obj")).ToList();

        Assert.Equal(folders.Order(StringComparer.Ordinal), layerOf.Keys.Order(StringComparer.Ordinal));
        var against = new List<string>();
        foreach (var file in Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories).Where(IsSource))
        {
            var relative = Path.GetRelativePath(web, file).Split(Path.DirectorySeparatorChar);
            if (relative.Length < 2)
            {
                continue;
            }
            var code = string.Join("\n", File.ReadAllText(file).Split('\n').Where(l => !PlainComment().IsMatch(l)));
            foreach (var to in folders.Where(f => f != relative[0] && new Regex($@"\bTdkt\.Web\.{f}\b").IsMatch(code)))
            {
                if (layerOf[to] >= layerOf[relative[0]])
                {
                    against.Add($"{relative[0]} (tầng {layerOf[relative[0]]}) dùng {to} (tầng {layerOf[to]}) trong {string.Join('/', relative)}");
                }
            }
        }
        Assert.True(against.Count == 0, "Phụ thuộc ngược tầng trong Tdkt.Web:\n" + string.Join("\n", against));
    }

    [Fact]
    public void The_graph_reader_sees_each_kind_of_reference()
    {
        var text = """
            using Tdkt.Plans;
            // Reminders.SweepPlanner in a plain comment is not a use
            /// <see cref="Outbox.OutboxStore"/>
            var x = Tdkt.Mail.MailComposer.Name + Reports.Progress.Of(y) + something.Links.Count;
            """;

        var found = References(text, ["Plans", "Reminders", "Outbox", "Mail", "Reports", "Links"]).Select(r => r.Folder).Order(StringComparer.Ordinal);

        Assert.Equal(["Mail", "Outbox", "Plans", "Reports"], found);
    }

    [Fact]
    public void Only_the_assignments_owner_opens_the_assignments_table_or_names_its_completion_columns()
    {
        string[] owned = ["StorageTables.Assignments", "\"CompletedOn\"", "\"CompletedAt\"", "\"CompletedBy\"", "\"CompletedNote\"", "\"CompletedVia\"",
            "\"CompletedIp\"", "\"CompletedUserAgent\"", "\"Undos\"", "\"IsLead\"", "\"Occurrence\"", "\"Undated\"", "\"Ongoing\""];
        var outside = Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Where(IsSource)
            .Where(f => Folder(f) is not ("Assignments" or "Storage"))
            .SelectMany(f => owned.Where(File.ReadAllText(f).Contains).Select(o => $"{Path.GetRelativePath(Library, f)}: {o}"))
            .ToList();
        Assert.True(outside.Count == 0, "Ngoài Assignments/:\n" + string.Join("\n", outside));
    }

    private static List<string[]> DrawnLayers(string marker)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));
        var block = new Regex($@"<!-- {marker} -->\s*```[a-z]*\n(.*?)```", RegexOptions.Singleline).Match(doc);
        Assert.True(block.Success, $"docs/architecture.md has no <!-- {marker} --> block");
        // Lines "N  Folder, Folder": layer N, from the bottom (0) up.
        return [.. block.Groups[1].Value.Split('\n')
            .Select(line => LayerLine().Match(line))
            .Where(m => m.Success)
            .OrderBy(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Select(m => m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
    }

    private static List<string> Folders() =>
        [.. Directory.EnumerateDirectories(Library).Select(Path.GetFileName).OfType<string>().Where(d => d is not ("bin" or "obj"))];

    private static IEnumerable<(string From, string To, string File, string Reference)> Uses(IReadOnlyList<string> folders)
    {
        foreach (var file in Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories).Where(IsSource))
        {
            if (Folder(file) is not { } owner)
            {
                continue;
            }
            foreach (var (folder, text) in References(File.ReadAllText(file), folders))
            {
                if (folder != owner)
                {
                    yield return (owner, folder, Path.GetRelativePath(Library, file), text);
                }
            }
        }
    }

    private static IEnumerable<(string Folder, string Text)> References(string text, IReadOnlyList<string> folders)
    {
        var code = string.Join("\n", text.Split('\n').Where(l => !PlainComment().IsMatch(l)));
        foreach (var folder in folders)
        {
            var found = new Regex($@"\bTdkt\.{folder}\b|(?<![\w.]){folder}\.[A-Z]\w*").Match(code);
            if (found.Success)
            {
                yield return (folder, found.Value);
            }
        }
    }

    private static bool IsSource(string file) =>
        !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string? Folder(string file)
    {
        var relative = Path.GetRelativePath(Library, file).Split(Path.DirectorySeparatorChar);
        return relative.Length > 1 ? relative[0] : null;
    }

    [GeneratedRegex(@"^\s*(\d+)\s+(.+?)\s*$")]
    private static partial Regex LayerLine();

    [GeneratedRegex(@"^\s*//(?!/)")]
    private static partial Regex PlainComment();
}
