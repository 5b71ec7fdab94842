
using Tdkt.Pages;

namespace Tdkt.Web.AgencyPage;

/// <summary>One attached file as a page lists it: its name, "PDF, 1,2 MB, 09:15 ngày 24/03/2023, Nguyễn Văn A", its download address.</summary>
[PageModel]
public sealed record FileView(string Name, string Details, string DownloadUrl, bool CanRemove, string RemoveAction);
