
using Tdkt.Pages;

namespace Tdkt.Web.AgencyPage;

/// <summary>An item on a supervising agency's page: "Sở Y tế, nhiệm vụ 3: …", with the file to download or the request to decide.</summary>
[PageModel]
public sealed record InboxView(string Kind, string Heading, string Details, string? DownloadUrl, string? FileName)
{
    /// <summary>For a request: the forms' addresses and the date asked (yyyy-MM-dd, the date input's value).</summary>
    public string? ApproveAction { get; init; }
    public string? DeclineAction { get; init; }
    public string? Requested { get; init; }
    public string Anchor { get; init; } = "";
}
