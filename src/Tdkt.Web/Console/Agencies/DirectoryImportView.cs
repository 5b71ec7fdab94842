using Tdkt.Pages;

namespace Tdkt.Web.Console.Agencies;

/// <summary>A directory file checked against the stored directory: errors at their line and field, or what saving it would change.</summary>
[PageModel]
public sealed record DirectoryImportView(string FileName, IReadOnlyList<string> Errors, IReadOnlyList<string> Added, IReadOnlyList<string> Changed, int Unchanged,
    IReadOnlyList<string> Kept, string Content)
{
    public bool CanSave => Errors.Count == 0 && (Added.Count > 0 || Changed.Count > 0);
}
