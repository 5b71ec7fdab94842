
using Tdkt.Pages;

namespace Tdkt.Web.AgencyPage;

[PageModel]
public sealed record QuarterView(string Heading, IReadOnlyList<TaskRowView> Tasks);
