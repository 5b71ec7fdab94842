using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using Fluid;

namespace Tdkt.Pages;

/// <summary>
/// A set of Liquid templates embedded in one assembly: parsed once, every value HTML-encoded, and only the types marked
/// <see cref="PageModelAttribute"/> readable by them. The report page (here) and the web's pages (in Tdkt.Web) each have one;
/// all share the one style sheet, <c>style</c>.
/// </summary>
public sealed class TemplateSet
{
    private static readonly FluidParser Parser = new();
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly string Style = Read(typeof(TemplateSet).Assembly, "Tdkt.Pages.Templates.style.css");

    private readonly Assembly assembly;
    private readonly string prefix;
    private readonly TemplateOptions access;
    private readonly ConcurrentDictionary<string, IFluidTemplate> parsed = new(StringComparer.Ordinal);

    /// <param name="assembly">Where the templates are embedded.</param>
    /// <param name="prefix">Their resource names' prefix ("Tdkt.Web.Templates.").</param>
    /// <param name="models">The assemblies whose <see cref="PageModelAttribute"/> types the templates may read.</param>
    public TemplateSet(Assembly assembly, string prefix, params Assembly[] models)
    {
        this.assembly = assembly;
        this.prefix = prefix;
        access = new TemplateOptions().Checked();
        foreach (var model in models.Distinct().SelectMany(a => a.GetTypes()).Where(t => t.IsDefined(typeof(PageModelAttribute), inherit: false)))
        {
            access.MemberAccessStrategy.Register(model);
        }
    }

    /// <summary>Renders <paramref name="name"/> over <paramref name="view"/>; <paramref name="values"/> are further names the template reads.</summary>
    public string Render(string name, object view, IEnumerable<KeyValuePair<string, object?>>? values = null)
    {
        var context = new TemplateContext(view, access);
        context.SetValue("style", Style);
        foreach (var (key, value) in values ?? [])
        {
            // Liquid cannot tell a name set to nothing from a name it does not know: say "none" with false.
            context.SetValue(key, value ?? throw new ArgumentException($"The template value {key} is null; pass false for none.", nameof(values)));
        }
        return parsed.GetOrAdd(name, Load).Render(context, Html);
    }

    private IFluidTemplate Load(string name) =>
        Parser.TryParse(Read(assembly, prefix + name), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The page template {name} does not parse: {error}");

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The page template {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
