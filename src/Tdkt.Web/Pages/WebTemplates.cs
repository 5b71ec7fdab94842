using Tdkt.Assignments;
using Tdkt.Pages;

namespace Tdkt.Web.Pages;

/// <summary>
/// The web's server-rendered pages (the agency page, the bad-link page, the console's layout and pages): Liquid
/// templates embedded in Tdkt.Web, every value HTML-encoded, no scripts, fonts or styles from elsewhere.
/// </summary>
public sealed class WebTemplates
{
    private readonly TemplateSet templates = new(typeof(WebTemplates).Assembly, "Tdkt.Web.Templates.", typeof(WebTemplates).Assembly, typeof(TemplateSet).Assembly);
    private static readonly KeyValuePair<string, object?>[] Shared = [new("Accept", EvidenceKinds.Accept)];

    public string Render(string name, object view) => templates.Render(name, view, Shared);

    /// <summary>The same, with further names the template reads (a console page's frame).</summary>
    public string Render(string name, object view, IEnumerable<KeyValuePair<string, object?>> values) =>
        templates.Render(name, view, Shared.Concat(values));
}
