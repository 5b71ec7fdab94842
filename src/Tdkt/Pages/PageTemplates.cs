using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Tdkt.Assignments;

namespace Tdkt.Pages;

/// <summary>
/// The server-rendered pages (agency page, bad-link page, report page): Liquid templates embedded in the
/// library, every value HTML-encoded, no scripts, fonts or styles from elsewhere.
/// </summary>
public sealed class PageTemplates
{
    private static readonly FluidParser Parser = new();
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly TemplateOptions Access = CreateAccess();
    private readonly ConcurrentDictionary<string, IFluidTemplate> parsed = new(StringComparer.Ordinal);

    private static readonly string Style = Resource("style.css");

    public string Render(string name, object view)
    {
        var context = new TemplateContext(view, Access);
        context.SetValue("style", Style);
        context.SetValue("Accept", EvidenceKinds.Accept);
        return parsed.GetOrAdd(name, Load).Render(context, Html);
    }

    private static IFluidTemplate Load(string name) =>
        Parser.TryParse(Resource(name), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The page template {name} does not parse: {error}");

    private static string Resource(string name)
    {
        using var stream = typeof(PageTemplates).Assembly.GetManifestResourceStream("Tdkt.Pages.Templates." + name)
            ?? throw new InvalidOperationException($"The page template {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static TemplateOptions CreateAccess()
    {
        var access = new TemplateOptions().Checked();
        foreach (var model in typeof(PageTemplates).Assembly.GetTypes().Where(t => t.IsDefined(typeof(PageModelAttribute), inherit: false)))
        {
            access.MemberAccessStrategy.Register(model);
        }
        return access;
    }
}
