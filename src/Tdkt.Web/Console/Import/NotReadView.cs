using Tdkt.Pages;

namespace Tdkt.Web.Console.Import;

/// <summary>A line not read as a task: where it is in the document, its text and why.</summary>
[PageModel]
public sealed record NotReadView(string Where, string Text, string Reason);
