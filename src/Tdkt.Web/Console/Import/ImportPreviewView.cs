using Tdkt.Pages;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Console.Plans;

namespace Tdkt.Web.Console.Import;

/// <summary>
/// What an upload reads as: the message, every error at its place (file, line, field), what to check, what it does to
/// completed tasks, the header (editable) and the tasks; the content travels with the form that saves it.
/// </summary>
[PageModel]
public sealed record ImportPreviewView(string Message, string Kind, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<string> Changes,
    bool NeedsConfirming, bool CanSave, string? Heading, string Number, string Issuer, string IssuedOn, IReadOnlyList<ImportTaskView> Tasks, string TaskCount,
    string Content, string FileName)
{
    public IReadOnlyList<UnknownAgencyView> Unknown { get; init; } = [];

    /// <summary>Every directory agency, for the supervisor of a new one.</summary>
    public IReadOnlyList<FilterOption> Supervisors { get; init; } = [];

    /// <summary>What the fixes just applied did, one line each.</summary>
    public IReadOnlyList<MessageView> Fixes { get; init; } = [];

    public IReadOnlyList<ForecastDayView> Forecast { get; init; } = [];

    /// <summary>Paragraphs and rows that name an agency or a deadline but were not read as tasks, with why: shown above the tasks.</summary>
    public IReadOnlyList<NotReadView> NotRead { get; init; } = [];
}
